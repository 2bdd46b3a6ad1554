/* Dear Constituent: the "Prepare your letter" page (dc/prepare.html).
 *
 * Checks the pasted letter for personal details with the validator's rules
 * (dear-constituent-privacy.js), marks each in a copy of the letter, and
 * replaces one or all with the archive's placeholders; finds the MP among the
 * register's names and aliases and their constituency on the letter's date;
 * and, once nothing found is left unresolved, opens GitHub's letter form with
 * the answers filled in through its address. The only request it makes is for
 * its own data, from this site, when the page opens.
 */
(function () {
  "use strict";

  var MAX_URL = 8000;
  /* GitHub refuses addresses much longer than this; past it, the text is copied. */
  var FIELDS = ["mp", "constituency", "date", "subject", "campaign", "source", "text"];
  var WAIT = 250;

  function byId(id) { return document.getElementById(id); }

  function Prepare(form, data) {
    this.form = form;
    this.rules = new window.DearConstituentPrivacy.Rules(data.rules);
    this.members = data.members.map(function (row) {
      return {name: row[0], aliases: row[1], seats: row[2]};
    });
    this.byName = {};
    this.members.forEach(function (member) {
      [member.name].concat(member.aliases).forEach(function (name) {
        this.byName[name.toLowerCase()] = member;
      }, this);
    }, this);
    this.kept = {};  /* findings the reader says are public, by kind and text */
    this.findings = [];
    this.text = byId("dc-prepare-text");
    this.list = byId("dc-prepare-list");
    this.marked = byId("dc-prepare-marked");
    this.summary = byId("dc-prepare-summary");
    this.removeAll = byId("dc-prepare-remove-all");
    this.mp = byId("dc-prepare-mp");
    this.date = byId("dc-prepare-date");
    this.constituency = byId("dc-prepare-constituency");
    this.subject = byId("dc-prepare-subject");
    this.campaign = byId("dc-prepare-campaign");
    this.source = byId("dc-prepare-source");
    this.ready = byId("dc-prepare-ready");
    this.continueButton = byId("dc-prepare-continue");
    this.copy = byId("dc-prepare-copy");
    this.fill(byId("dc-prepare-mps"), this.members.reduce(function (names, member) {
      return names.concat([member.name], member.aliases);
    }, []));
    this.fill(byId("dc-prepare-campaigns"), data.campaigns);
    this.listen();
    form.hidden = false;
    this.update();
  }

  Prepare.prototype.fill = function (list, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      list.appendChild(option);
    });
  };

  Prepare.prototype.listen = function () {
    var self = this;
    var timer = null;
    this.text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.update(); }, WAIT);
    });
    [this.mp, this.date, this.constituency, this.subject, this.campaign, this.source]
      .forEach(function (input) {
        input.addEventListener("input", function () { self.update(); });
        input.addEventListener("change", function () { self.update(); });
      });
    this.mp.addEventListener("change", function () { self.fillConstituency(); self.update(); });
    this.date.addEventListener("change", function () { self.fillConstituency(); self.update(); });
    this.removeAll.addEventListener("click", function () {
      self.replace(self.unresolved());
      self.summary.focus();
    });
    this.continueButton.addEventListener("click", function () { self.send(); });
    byId("dc-prepare-copy-text").addEventListener("click", function () {
      navigator.clipboard.writeText(self.text.value).then(function () {
        byId("dc-prepare-copied").textContent = "Copied.";
      });
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
  };

  /* Everything the page shows follows from the fields: worked out again on each change. */
  Prepare.prototype.update = function () {
    this.findings = this.rules.find(this.text.value);
    this.showFindings();
    this.showMember();
    this.showDate();
    this.showReadiness();
  };

  Prepare.prototype.key = function (finding) { return finding.kind + "\n" + finding.text; };

  Prepare.prototype.unresolved = function () {
    return this.findings.filter(function (finding) { return !this.kept[this.key(finding)]; }, this);
  };

  Prepare.prototype.showFindings = function () {
    var self = this;
    this.list.textContent = "";
    this.findings.forEach(function (finding, index) {
      var item = document.createElement("li");
      var what = document.createElement("p");
      what.textContent = "Line " + finding.line + ": " + article(finding.kind) + " " +
        finding.kind + ", \u201c" + finding.text + "\u201d";
      var replace = document.createElement("button");
      replace.type = "button";
      replace.className = "md-button";
      replace.textContent = "Replace with " + finding.replacement;
      replace.addEventListener("click", function () { self.replace([finding]); self.text.focus(); });
      var keep = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = Boolean(self.kept[self.key(finding)]);
      box.addEventListener("change", function () {
        if (box.checked) { self.kept[self.key(finding)] = true; } else { delete self.kept[self.key(finding)]; }
        self.showReadiness();
      });
      keep.appendChild(box);
      keep.appendChild(document.createTextNode(" It is public: keep it"));
      item.id = "dc-prepare-finding-" + index;
      item.appendChild(what);
      item.appendChild(replace);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(keep);
      self.list.appendChild(item);
    });
    this.removeAll.hidden = this.findings.length === 0;
    var count = this.findings.length;
    if (!this.text.value.trim()) {
      this.summary.textContent = "Paste the letter above to check it.";
    } else if (count === 0) {
      this.summary.textContent = "Nothing that looks like personal details was found. Check once more for your name yourself.";
    } else {
      this.summary.textContent = count + (count === 1 ? " thing looks" : " things look") +
        " like personal details. Replace each one, or say it is public.";
    }
    this.showMarked();
  };

  Prepare.prototype.showMarked = function () {
    var text = this.text.value;
    var at = 0;
    this.marked.textContent = "";
    this.findings.forEach(function (finding, index) {
      if (finding.start < at) { return; }
      this.marked.appendChild(document.createTextNode(text.slice(at, finding.start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(finding.start, finding.end);
      mark.title = finding.kind;
      mark.setAttribute("data-dc-finding", String(index));
      this.marked.appendChild(mark);
      at = finding.end;
    }, this);
    this.marked.appendChild(document.createTextNode(text.slice(at)));
  };

  /* Replace findings with their placeholders, the last first so that the others stay put. */
  Prepare.prototype.replace = function (findings) {
    var text = this.text.value;
    findings.slice().sort(function (a, b) { return b.start - a.start; }).forEach(function (finding) {
      text = text.slice(0, finding.start) + finding.replacement + text.slice(finding.end);
    });
    this.text.value = text;
    this.update();
  };

  Prepare.prototype.member = function () {
    return this.byName[this.mp.value.trim().toLowerCase()] || null;
  };

  Prepare.prototype.showMember = function () {
    var status = byId("dc-prepare-mp-status");
    var member = this.member();
    if (!this.mp.value.trim()) {
      status.textContent = "Start typing a name: every MP elected since 2010 is listed.";
    } else if (!member) {
      status.textContent = "No MP of that name is in the archive's register: check the spelling, or choose from the list.";
    } else if (member.name.toLowerCase() !== this.mp.value.trim().toLowerCase()) {
      status.textContent = "The archive calls them " + member.name + ".";
    } else {
      status.textContent = member.name + ".";
    }
  };

  /* The date as the validator reads it: [year, month, day or null], or a message. */
  Prepare.prototype.readDate = function () {
    var value = this.date.value.trim();
    var match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
    if (!match) {
      return "Write the date as 2021-03-14, or 2021-03 if the letter gives only a month.";
    }
    var year = Number(match[1]);
    var month = Number(match[2]);
    var day = match[3] ? Number(match[3]) : null;
    var first = new Date(Date.UTC(year, month - 1, day || 1));
    if (month < 1 || month > 12 || first.getUTCMonth() !== month - 1 ||
        (day !== null && first.getUTCDate() !== day)) {
      return "There is no such date: " + value + ".";
    }
    var today = new Date();
    var todayKey = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
    if (year * 10000 + month * 100 + (day || 1) > todayKey) {
      return "That date is in the future.";
    }
    var last = day !== null ? first : new Date(Date.UTC(year, month, 0));
    return {text: value, first: iso(first), last: iso(last)};
  };

  Prepare.prototype.seats = function (member, date) {
    return member.seats.filter(function (seat) {
      return seat[1] <= date.last && (seat[2] === "" || seat[2] >= date.first);
    });
  };

  Prepare.prototype.showDate = function () {
    var status = byId("dc-prepare-date-status");
    if (!this.date.value.trim()) {
      status.textContent = "The date printed on the letter, as 2021-03-14, or 2021-03 if it gives only a month.";
      return;
    }
    var date = this.readDate();
    if (typeof date === "string") { status.textContent = date; return; }
    var member = this.member();
    if (member && this.seats(member, date).length === 0) {
      status.textContent = member.name + " was not an MP on that date: check the date on the letter.";
      return;
    }
    status.textContent = "";
  };

  Prepare.prototype.fillConstituency = function () {
    var member = this.member();
    var date = this.readDate();
    if (!member || typeof date === "string") { return; }
    var seats = this.seats(member, date);
    if (seats.length === 1) { this.constituency.value = seats[0][0]; }
  };

  Prepare.prototype.answers = function () {
    var member = this.member();
    var date = this.readDate();
    return {
      mp: member ? member.name : this.mp.value.trim(),
      constituency: this.constituency.value.trim(),
      date: typeof date === "string" ? this.date.value.trim() : date.text,
      subject: this.subject.value.trim(),
      campaign: this.campaign.value.trim(),
      source: this.source.value,
      text: this.text.value
    };
  };

  /* What still stops the letter being sent, in words. */
  Prepare.prototype.missing = function () {
    var wanted = [];
    var answers = this.answers();
    var unresolved = this.unresolved().length;
    var self = this;
    if (!answers.text.trim()) { wanted.push("the letter's text"); }
    if (unresolved) {
      wanted.push(unresolved + " personal detail" + (unresolved === 1 ? "" : "s") + " to replace or keep");
    }
    ["subject", "campaign", "constituency"].forEach(function (name) {
      if (self.rules.find(answers[name]).length) { wanted.push("a personal detail in the " + name); }
    });
    if (!this.member()) { wanted.push("the MP, from the list"); }
    if (typeof this.readDate() === "string") { wanted.push("the date, as 2021-03-14 or 2021-03"); }
    if (!answers.constituency) { wanted.push("the constituency"); }
    if (!answers.subject) { wanted.push("a few words on what the letter is about"); }
    return wanted;
  };

  Prepare.prototype.address = function (withText) {
    var answers = this.answers();
    var query = new URLSearchParams();
    query.set("template", this.form.dataset.template);
    query.set("title", this.form.dataset.title + answers.subject);
    FIELDS.forEach(function (name) {
      if (answers[name] && (withText || name !== "text")) { query.set(name, answers[name]); }
    });
    return this.form.dataset.issue + "?" + query.toString();
  };

  Prepare.prototype.showReadiness = function () {
    var missing = this.missing();
    if (missing.length) {
      this.ready.textContent = "Before you continue: " + missing.join("; ") + ".";
      this.continueButton.removeAttribute("data-url");
      this.continueButton.setAttribute("aria-disabled", "true");
      this.copy.hidden = true;
      return;
    }
    var url = this.address(true);
    var fits = url.length <= MAX_URL;
    this.continueButton.setAttribute("data-url", fits ? url : this.address(false));
    this.continueButton.removeAttribute("aria-disabled");
    this.copy.hidden = fits;
    this.ready.textContent = "Ready. Continue on GitHub to open the letter form with your answers: " +
      "read them there once more before you press \u201cCreate\u201d, which makes them public.";
  };

  Prepare.prototype.send = function () {
    var url = this.continueButton.getAttribute("data-url");
    if (!url) { this.ready.focus(); return; }
    window.location.assign(url);
  };

  function iso(date) { return date.toISOString().slice(0, 10); }

  /* "an e-mail address", "a UK phone number": as Python's Flag.described says it. */
  function article(noun) { return /^[aeio]/i.test(noun) ? "an" : "a"; }

  function start() {
    var form = document.getElementById("dc-prepare");
    if (!form || form.dataset.dcStarted) { return; }
    form.dataset.dcStarted = "yes";
    fetch(new URL(form.dataset.data, location.href).href)
      .then(function (response) { return response.json(); })
      .then(function (data) { new Prepare(form, data); });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
