/* Dear Constituent: personal data, found in the reader's own browser.
 *
 * The same rules as the validator's (scripts/dearconstituent/privacy.py), run
 * on the data the build exports from it (privacy.json: the patterns, the
 * names of the tests for public details, the allowlist). This file is a line
 * by line translation of find_personal_data(); a test runs both over the same
 * texts and requires the same findings. Positions are counted in characters
 * (code points), as Python counts them: characters outside the Basic
 * Multilingual Plane stand in for one character each while the rules run.
 *
 * Nothing here makes a request or keeps anything: text in, findings out.
 */
(function (root) {
  "use strict";

  var SPACE = "[ \\t\\n\\r\\f\\v]";
  var STRIPPED = " \t\n\r\f\v";
  var ASTRAL = "\uE000";

  function strip(text, characters) {
    var start = 0;
    var end = text.length;
    while (start < end && characters.indexOf(text.charAt(start)) >= 0) { start += 1; }
    while (end > start && characters.indexOf(text.charAt(end - 1)) >= 0) { end -= 1; }
    return text.slice(start, end);
  }

  function normal(text) {
    return strip(text.toLowerCase().split(new RegExp(SPACE + "+")).join(" "), " .,;:");
  }

  function digits(text) {
    var found = text.replace(/[^0-9]/g, "");
    return found.indexOf("44") === 0 ? "0" + found.slice(2) : found;
  }

  function withoutSpace(text) {
    return text.replace(new RegExp(SPACE, "g"), "");
  }

  function makeKeys() {
    return {
      normal: normal,
      digits: digits,
      postcode: function (text) { return withoutSpace(text).toUpperCase(); },
      identifier: function (text) { return withoutSpace(text).toUpperCase(); }
    };
  }

  function makePublic(data) {
    return {
      "never": function () { return false; },
      "parliament e-mail": function (text) {
        var domain = text.split("@").pop().toLowerCase();
        return domain === data.parliament_domain ||
          domain.slice(-(data.parliament_domain.length + 1)) === "." + data.parliament_domain;
      },
      "parliament phone": function (text) {
        return digits(text).indexOf(data.parliament_exchange) === 0;
      },
      "parliament postcode": function (text) {
        return data.parliament_postcodes.indexOf(withoutSpace(text)) >= 0;
      },
      "public street": function (text) {
        var street = normal(text);
        return data.public_streets.some(function (name) {
          return street.slice(-name.length) === name;
        });
      },
      "too short for an insurance number": function (text) {
        return text.replace(/[^0-9]/g, "").length < data.insurance_number_digits;
      }
    };
  }

  /* The rules, compiled once per data. */
  function Rules(data) {
    this.data = data;
    this.keys = makeKeys();
    this.public = makePublic(data);
    this.detectors = data.detectors.map(function (detector) {
      return {
        kind: detector.kind,
        pattern: new RegExp(detector.pattern, "g"),
        public: this.public[detector.public],
        key: this.keys[detector.key]
      };
    }, this);
    this.email = this.detectors[0];
    this.digitDetectors = this.detectors.slice(1);
    this.salutation = new RegExp(data.salutation, "my");
    this.generic = data.generic_addressees;
  }

  Rules.prototype.keyFor = function (kind) {
    for (var i = 0; i < this.detectors.length; i += 1) {
      if (this.detectors[i].kind === kind) { return this.detectors[i].key; }
    }
    return normal;
  };

  /* Every likely identifier of a private person in text, in text order:
     {line, kind, text, replacement, start, end}; start and end are offsets in
     the string as JavaScript counts them, for highlighting. */
  Rules.prototype.find = function (text) {
    var points = Array.from(text);
    var flat = points.map(function (point) { return point.length > 1 ? ASTRAL : point; }).join("");
    if (!this.mayHold(flat)) { return []; }
    var units = [0];
    points.forEach(function (point, index) { units.push(units[index] + point.length); });
    var found = [];
    widest(this.candidates(flat, points)).forEach(function (candidate) {
      var position = candidate[0];
      var lineStart = flat.lastIndexOf("\n", position - 1) + 1;
      if (position === 0) { lineStart = 0; }
      var lineEnd = flat.indexOf("\n", position);
      var line = points.slice(lineStart, lineEnd >= 0 ? lineEnd : points.length).join("");
      var item = {
        line: 1 + count(flat, "\n", position),
        kind: candidate[1],
        text: candidate[2],
        replacement: this.data.replacements[candidate[1]] || "[removed]",
        start: units[position + candidate[4]],
        end: units[position + candidate[4] + candidate[3]]
      };
      if (!this.isAllowed(item, line)) { found.push(item); }
    }, this);
    return found;
  };

  Rules.prototype.mayHold = function (flat) {
    return flat.length > this.data.short || flat.indexOf("@") >= 0 ||
      flat.indexOf("Dear") >= 0 || /[0-9]/.test(flat);
  };

  /* [position, kind, text, its length, where it starts after position], as
     Python's _candidates yields them (its position and text, in characters). */
  Rules.prototype.candidates = function (flat, points) {
    var found = [];
    var stretches = this.linesWithDigits(flat);
    var match;
    if (stretches.joined) {
      this.digitDetectors.forEach(function (detector) {
        detector.pattern.lastIndex = 0;
        while ((match = detector.pattern.exec(stretches.joined)) !== null) {
          var at = originalOffset(stretches.starts, match.index);
          var whole = points.slice(at, at + match[0].length).join("");
          if (!detector.public(whole)) {
            var lead = match[0].length - match[0].replace(/^[ \t\n\r\f\v]+/, "").length;
            var kept = strip(whole, STRIPPED);
            found.push([at, detector.kind, kept, Array.from(kept).length, lead]);
          }
          if (match[0].length === 0) { detector.pattern.lastIndex += 1; }
        }
      });
    }
    if (flat.indexOf("@") >= 0) {
      this.email.pattern.lastIndex = 0;
      while ((match = this.email.pattern.exec(flat)) !== null) {
        var email = points.slice(match.index, match.index + match[0].length).join("");
        if (!this.email.public(email)) {
          found.push([match.index, this.email.kind, email, match[0].length, 0]);
        }
      }
    }
    var dear = flat.indexOf("Dear");
    while (dear >= 0) {
      var lineStart = dear === 0 ? 0 : flat.lastIndexOf("\n", dear - 1) + 1;
      this.salutation.lastIndex = lineStart;
      var salutation = this.salutation.exec(flat);
      if (salutation) {
        var greeting = salutation.groups.greeting;
        var greetingStart = salutation.index + salutation[0].length - greeting.length;
        if (greetingStart === dear) {
          var named = this.named(salutation, points);
          if (named !== null) {
            found.push([
              lineStart, "salutation naming a person", named, Array.from(named).length,
              dear - lineStart
            ]);
          }
        }
      }
      dear = flat.indexOf("Dear", dear + 4);
    }
    return found;
  };

  Rules.prototype.named = function (salutation, points) {
    var whoEnd = salutation.index + salutation[0].length;
    var who = points.slice(whoEnd - salutation.groups.who.length, whoEnd).join("");
    var greeting = points.slice(whoEnd - salutation.groups.greeting.length, whoEnd).join("");
    var key = normal(who);
    if (!key || this.generic.indexOf(key) >= 0) { return null; }
    if (key.charAt(0) === "[" && key.charAt(key.length - 1) === "]") { return null; }
    return strip(greeting, STRIPPED);
  };

  /* The stretches of text around digits, as Python's _lines_with_digits. */
  Rules.prototype.linesWithDigits = function (text) {
    if (text.length <= this.data.short) { return {starts: [[0, 0]], joined: text}; }
    var starts = [];
    var pieces = [];
    var joinedLength = 0;
    var covered = -1;
    var digit;
    var finder = /[0-9]/g;
    for (;;) {
      finder.lastIndex = covered + 1;
      var next = finder.exec(text);
      if (next === null) { break; }
      digit = next.index;
      var lineStart = digit === 0 ? 0 : text.lastIndexOf("\n", digit - 1) + 1;
      var lineEnd = text.indexOf("\n", digit);
      if (lineEnd < 0) { lineEnd = text.length; }
      var start = Math.max(lineStart, digit - this.data.before);
      var space = start > lineStart ? text.lastIndexOf(" ", start - 1) : -1;
      start = space >= lineStart ? space + 1 : lineStart;
      var end = Math.min(lineEnd, digit + 1 + this.data.after);
      var after = end < lineEnd ? text.indexOf(" ", end) : -1;
      end = after >= 0 && after < lineEnd ? after : lineEnd;
      if (pieces.length && start <= covered) {
        start = covered;
        pieces[pieces.length - 1] += text.slice(start, end);
      } else {
        starts.push([joinedLength, start]);
        pieces.push(text.slice(start, end));
        joinedLength += 1;
      }
      joinedLength += end - start;
      covered = end;
    }
    return {starts: starts, joined: pieces.join("\n")};
  };

  Rules.prototype.isAllowed = function (item, line) {
    var key = this.keyFor(item.kind);
    var wanted = key(item.text);
    var allowlist = this.data.allowlist;
    for (var i = 0; i < allowlist.length; i += 1) {
      var approved = key(allowlist[i]);
      if (approved === wanted) { return true; }
      if (wanted && approved.indexOf(wanted) >= 0 &&
          normal(line).indexOf(normal(allowlist[i])) >= 0) {
        return true;
      }
    }
    return false;
  };

  function originalOffset(starts, position) {
    var low = 0;
    var high = starts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (starts[middle][0] <= position) { low = middle + 1; } else { high = middle; }
    }
    var chosen = starts[low - 1];
    return chosen[1] + position - chosen[0];
  }

  /* The candidates in text order, less any inside a wider one of the same kind. */
  function widest(candidates) {
    var sorted = candidates
      .map(function (candidate, index) { return [candidate, index]; })
      .sort(function (a, b) {
        return (a[0][0] - b[0][0]) || (b[0][3] - a[0][3]) || (a[1] - b[1]);
      })
      .map(function (pair) { return pair[0]; });
    var reach = {};
    var kept = [];
    sorted.forEach(function (candidate) {
      var end = candidate[0] + candidate[3];
      var known = Object.prototype.hasOwnProperty.call(reach, candidate[1]) ? reach[candidate[1]] : -1;
      if (end <= known) { return; }
      reach[candidate[1]] = Math.max(end, known);
      kept.push(candidate);
    });
    return kept;
  }

  function count(text, what, before) {
    var total = 0;
    var at = text.indexOf(what);
    while (at >= 0 && at < before) {
      total += 1;
      at = text.indexOf(what, at + 1);
    }
    return total;
  }

  root.DearConstituentPrivacy = {Rules: Rules};
})(typeof window !== "undefined" ? window : this);
