// Editors' annotation mode on the article page: select words, choose what they name, save.
// Offsets are counted in code points, as Python slices the stored paragraph; the server
// checks that the selected text is exactly what lies there, so a wrong count is refused, never stored.
(function () {
  "use strict";

  var panel = document.getElementById("annotator");
  if (!panel) return;
  var form = document.getElementById("annotator-form");
  var kind = document.getElementById("annotator-kind");
  var query = document.getElementById("annotator-query");
  var target = document.getElementById("annotator-target");
  var suggestions = document.getElementById("annotator-suggestions");
  var error = document.getElementById("annotator-error");
  var surfaceShown = document.getElementById("annotator-surface");
  var active = -1;
  var searchTimer = null;

  panel.hidden = false;
  // Out of the article, so it can sit beside any selection; still inside the main landmark.
  document.getElementById("content").appendChild(form);

  function codePoints(text) {
    return Array.from(text).length;
  }

  function spanHolder(node) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest("[data-section]") : null;
  }

  // The selection as (section, paragraph, start, end, surface), leading and trailing spaces left out.
  function selectedSpan() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    var holder = spanHolder(range.startContainer);
    if (!holder || holder !== spanHolder(range.endContainer)) return null;
    var before = document.createRange();
    before.selectNodeContents(holder);
    before.setEnd(range.startContainer, range.startOffset);
    var text = range.toString();
    var trimmed = text.trim();
    if (!trimmed) return null;
    var start = codePoints(before.toString()) + codePoints(text) - codePoints(text.trimStart());
    return {
      section: holder.dataset.section,
      paragraph: holder.dataset.paragraph,
      start: start,
      end: start + codePoints(trimmed),
      surface: trimmed,
      rect: range.getBoundingClientRect(),
      range: range.cloneRange(),
    };
  }

  function place(rect) {
    var width = Math.min(360, document.documentElement.clientWidth - 16);
    form.style.width = width + "px";
    var left = Math.min(Math.max(8, rect.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - 8);
    form.style.left = left + "px";
    form.style.top = rect.bottom + window.scrollY + 8 + "px";
  }

  // The chosen words stay marked while the focus is in the form (which clears the selection).
  function markChosen(range) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    if (range) CSS.highlights.set("annotator-chosen", new Highlight(range));
    else CSS.highlights.delete("annotator-chosen");
  }

  function open(span) {
    ["section", "paragraph", "start", "end", "surface"].forEach(function (name) {
      form.elements[name].value = span[name];
    });
    surfaceShown.textContent = span.surface;
    error.textContent = "";
    query.value = "";
    target.value = "";
    showSuggestions([]);
    form.hidden = false;
    markChosen(span.range);
    place(span.rect);
    query.focus({ preventScroll: true });
  }

  function close() {
    form.hidden = true;
    markChosen(null);
    showSuggestions([]);
  }

  function choose(item) {
    target.name = kind.value;
    target.value = item.id;
    query.value = item.label;
    showSuggestions([]);
  }

  function showSuggestions(items) {
    suggestions.replaceChildren();
    active = -1;
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "annotator-option-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.label + (item.detail ? " · " + item.detail : "");
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep the focus in the field
        choose(item);
      });
      option.item = item;
      suggestions.appendChild(option);
    });
    query.setAttribute("aria-expanded", items.length ? "true" : "false");
    query.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var options = suggestions.children;
    if (!options.length) return;
    active = (index + options.length) % options.length;
    Array.prototype.forEach.call(options, function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    query.setAttribute("aria-activedescendant", options[active].id);
  }

  function search() {
    target.value = "";
    var text = query.value.trim();
    if (!text) return showSuggestions([]);
    var url = panel.dataset.targetsUrl + "?" + new URLSearchParams({ kind: kind.value, q: text });
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (query.value.trim() === text) showSuggestions(data.results || []);
      });
  }

  function selectionMade(event) {
    if (form.contains(event.target)) return;
    var span = selectedSpan();
    if (span) open(span);
  }

  document.addEventListener("mouseup", selectionMade);
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey) selectionMade(event); // a selection made with Shift and the arrows
  });

  query.addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(search, 150);
  });

  query.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      choose(suggestions.children[active].item);
    } else if (event.key === "Escape") {
      close();
    }
  });

  kind.addEventListener("change", function () {
    target.value = "";
    if (query.value.trim()) search();
  });

  document.getElementById("annotator-cancel").addEventListener("click", close);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!target.value) {
      error.textContent = form.dataset.chooseMessage;
      query.focus();
      return;
    }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json", "X-CSRFToken": form.elements.csrfmiddlewaretoken.value },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (data) {
          if (response.ok) {
            window.location.reload();
          } else {
            error.textContent = data.error;
          }
        });
      })
      .catch(function () {
        error.textContent = form.dataset.failedMessage;
      });
  });
})();
