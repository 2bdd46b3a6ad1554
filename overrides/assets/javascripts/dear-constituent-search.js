/* Dear Constituent: the search page, on Pagefind.
 *
 * The address is the state: /search/?q=windrush&topic=Immigration&party=Conservative.
 * It is read when the page opens and written back (replaceState) as the
 * reader types or narrows, so a search is a link that can be shared. Only a
 * query is ever searched: a filter without words would make Pagefind fetch
 * its whole index, so filters alone lead to the browse pages instead.
 *
 * What a query costs the reader is kept small (see BENCHMARKS.md): Pagefind
 * runs without its worker (one script fewer), results come ten at a time,
 * and the counts for every facet are fetched only when the reader goes to
 * narrow the results.
 */
(function () {
  "use strict";

  var FACETS = ["topic", "mp", "party", "constituency", "campaign", "year"];
  var PAGE = 10;

  /* What each browse page lists, for the links that filters without words lead to. */
  var BROWSE = {
    topic: "Everything on {}",
    mp: "Every letter from {}",
    party: "Every letter from {} MPs",
    constituency: "Every letter from the MPs for {}",
    campaign: "Every reply to {}",
    year: "Every letter from {}"
  };

  /* Pagefind's excerpts mark the words found with <mark>; keep that, and
     nothing else, as markup. */
  function excerptInto(element, html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    element.textContent = "";
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function Search(form) {
    this.form = form;
    this.query = form.querySelector("#dc-search-q");
    this.selects = {};
    FACETS.forEach(function (name) {
      this.selects[name] = form.querySelector("[data-dc-facet='" + name + "']");
    }, this);
    this.status = document.getElementById("dc-search-status");
    this.results = document.getElementById("dc-search-results");
    this.more = document.getElementById("dc-search-more");
    this.browse = document.getElementById("dc-search-browse");
    this.browseLinks = document.getElementById("dc-search-browse-links");
    this.template = document.getElementById("dc-search-result");
    this.order = form.querySelector("#dc-search-order");
    this.facets = form.querySelector(".dc-search__filters");
    this.base = new URL(form.getAttribute("data-base"), location.href);
    this.wanted = {};
    this.found = [];
    this.shown = 0;
    this.engine = null;
    this.facetsLoaded = false;
  }

  Search.prototype.start = function () {
    var params = new URLSearchParams(location.search);
    this.query.value = params.get("q") || "";
    FACETS.forEach(function (name) {
      if (params.get(name)) { this.wanted[name] = params.get(name); }
    }, this);
    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.run();
    });
    this.query.addEventListener("input", function () { self.run(); });
    FACETS.forEach(function (name) {
      self.selects[name].addEventListener("change", function () {
        if (self.selects[name].value) { self.wanted[name] = self.selects[name].value; }
        else { delete self.wanted[name]; }
        self.run();
      });
    });
    this.more.addEventListener("click", function () { self.showMore(); });
    this.order.value = params.get("sort") === "newest" ? "newest" : "";
    this.order.addEventListener("change", function () { self.run(); });
    ["focusin", "pointerdown"].forEach(function (kind) {
      self.facets.addEventListener(kind, function () { self.loadFacets(); });
    });
    this.run();
  };

  Search.prototype.load = function () {
    if (!this.engine) {
      var url = new URL(this.form.getAttribute("data-pagefind"), location.href);
      /* Result addresses are paths from the site's root, wherever it is served. */
      var baseUrl = new URL(this.form.getAttribute("data-base"), location.href).pathname;
      this.engine = import(url.href).then(function (pagefind) {
        return pagefind.options({ excerptLength: 30, noWorker: true, baseUrl: baseUrl })
          .then(function () { return pagefind; });
      });
    }
    return this.engine;
  };

  Search.prototype.writeAddress = function (words) {
    var params = new URLSearchParams();
    if (words) { params.set("q", words); }
    FACETS.forEach(function (name) {
      if (this.wanted[name]) { params.set(name, this.wanted[name]); }
    }, this);
    if (this.order.value) { params.set("sort", this.order.value); }
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
  };

  Search.prototype.run = function () {
    var words = this.query.value.trim();
    this.writeAddress(words);
    if (!words) {
      this.showBrowse();
      return;
    }
    this.browse.hidden = true;
    var self = this;
    this.load().then(function (pagefind) {
      return pagefind.debouncedSearch(words, self.searchOptions(), 200);
    }).then(function (search) {
      if (search === null) { return; }  /* a newer search took over */
      self.settle(search, words);
    }).catch(function () {
      self.status.textContent = "The search could not be loaded. Browse by topic, MP or year instead.";
    });
  };

  Search.prototype.searchOptions = function () {
    var options = { filters: this.filters() };
    if (this.order.value === "newest") { options.sort = { date: "desc" }; }
    return options;
  };

  Search.prototype.filters = function () {
    var filters = {};
    FACETS.forEach(function (name) {
      if (this.wanted[name]) { filters[name] = this.wanted[name]; }
    }, this);
    return filters;
  };

  Search.prototype.settle = function (search, words) {
    if (this.matchWanted(search.totalFilters || {})) {
      this.run();  /* searched with a value spelt unlike the index's: again, spelt right */
      return;
    }
    this.fillFacets(search.filters || {});
    this.found = search.results;
    this.shown = 0;
    this.results.textContent = "";
    var count = search.results.length;
    var narrowed = Object.keys(this.wanted).length ? " (narrowed)" : "";
    this.status.textContent = count === 0
      ? "No letters match \u201c" + words + "\u201d" + narrowed + "."
      : (count === 1 ? "1 letter matches" : count + " letters match") +
        " \u201c" + words + "\u201d" + narrowed + ".";
    this.showMore();
  };

  /* Values in the address may differ in case from the index's ("immigration"
     for "Immigration"): take the index's spelling. */
  Search.prototype.matchWanted = function (all) {
    var changed = false;
    FACETS.forEach(function (name) {
      var value = this.wanted[name];
      if (!value || !all[name]) { return; }
      var match = Object.keys(all[name]).filter(function (known) {
        return known.toLowerCase() === value.toLowerCase();
      })[0];
      if (match && match !== value) {
        this.wanted[name] = match;
        changed = true;
      }
    }, this);
    return changed;
  };

  /* Pagefind counts only the facets whose index it has fetched. After the
     first results are shown, fetch them all (once), then count again. */
  Search.prototype.loadFacets = function () {
    var words = this.query.value.trim();
    if (this.facetsLoaded || !words) { return; }
    this.facetsLoaded = true;
    var self = this;
    this.load().then(function (pagefind) {
      return pagefind.filters().then(function () {
        return pagefind.search(words, self.searchOptions());
      });
    }).then(function (search) {
      if (self.query.value.trim() === words) { self.fillFacets(search.filters || {}); }
    });
  };

  Search.prototype.fillFacets = function (counts) {
    FACETS.forEach(function (name) {
      var select = this.selects[name];
      var values = counts[name] || {};
      var chosen = this.wanted[name] || "";
      var keys = Object.keys(values).filter(function (key) { return values[key] > 0 || key === chosen; });
      keys.sort(function (a, b) { return (values[b] || 0) - (values[a] || 0) || a.localeCompare(b); });
      while (select.options.length > 1) { select.remove(1); }
      keys.forEach(function (key) {
        var option = document.createElement("option");
        option.value = key;
        option.textContent = key + " (" + (values[key] || 0) + ")";
        select.appendChild(option);
      });
      if (chosen && keys.indexOf(chosen) < 0) {
        var kept = document.createElement("option");
        kept.value = chosen;
        kept.textContent = chosen + " (0)";
        select.appendChild(kept);
      }
      select.value = chosen;
    }, this);
  };

  Search.prototype.showMore = function () {
    var batch = this.found.slice(this.shown, this.shown + PAGE);
    this.shown += batch.length;
    this.more.hidden = this.shown >= this.found.length;
    var self = this;
    Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      pages.forEach(function (data) { self.results.appendChild(self.row(data)); });
    });
  };

  Search.prototype.row = function (data) {
    var row = this.template.content.firstElementChild.cloneNode(true);
    var link = row.querySelector(".dc-result__title a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    row.querySelectorAll("[data-field]").forEach(function (field) {
      field.textContent = data.meta[field.getAttribute("data-field")] || "";
    });
    excerptInto(row.querySelector(".dc-result__excerpt"), data.excerpt || "");
    return row;
  };

  /* The browse pages' addresses, as the build wrote them (search/browse.json):
     fetched once, the first time filters are given without words. */
  Search.prototype.browseMap = function () {
    if (!this.addresses) {
      this.addresses = fetch(new URL(this.form.getAttribute("data-browse"), location.href).href)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return this.addresses;
  };

  Search.prototype.showBrowse = function () {
    this.status.textContent = "";
    this.results.textContent = "";
    this.more.hidden = true;
    this.browse.hidden = false;
    this.browseLinks.textContent = "";
    var wanted = FACETS.filter(function (name) { return this.wanted[name] && BROWSE[name]; }, this);
    if (!wanted.length) { return; }
    var self = this;
    this.browseMap().then(function (map) {
      if (self.query.value.trim()) { return; }  /* the reader has typed since */
      self.browseLinks.textContent = "";
      wanted.forEach(function (name) {
        var value = self.wanted[name];
        var address = (map[name] || {})[value];
        if (!address) { return; }  /* no page lists that value */
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(address, self.base).href;
        link.textContent = BROWSE[name].replace("{}", function () { return value; });
        item.appendChild(link);
        self.browseLinks.appendChild(item);
      });
    });
  };

  function start() {
    var form = document.getElementById("dc-search");
    if (form && !form.dataset.dcStarted) {
      form.dataset.dcStarted = "yes";
      new Search(form).start();
    }
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
