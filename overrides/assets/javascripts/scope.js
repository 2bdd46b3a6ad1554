// The storage helpers Material's scripts use, scoped to the site's root.
// Material for MkDocs 9.8.2, partials/javascripts/base.html (MIT licence),
// moved from an inline script to a file that every page shares and caches.
// Inline, the root was the page's relative base URL; here it is found from
// this file's own address, two folders below the root (assets/javascripts/).
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
