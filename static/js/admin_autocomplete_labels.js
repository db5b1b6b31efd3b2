"use strict";
// Select2, which Django's admin autocompletes are built on, leaves the fields it draws unnamed:
// the search box of a multiple choice has no label, and a single choice is named by its shown
// value alone, empty when nothing is chosen. Each is named by its field's <label> as well.
(function () {
  function nameByLabel(select) {
    const label = document.querySelector(`label[for="${select.id}"]`);
    const container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) return;
    label.id = label.id || `${select.id}-label`;
    const combobox = container.querySelector(".select2-selection");
    if (combobox && !combobox.classList.contains("select2-selection--multiple")) {
      const shown = (combobox.getAttribute("aria-labelledby") || "").split(" ").filter(id => id && id !== label.id);
      combobox.setAttribute("aria-labelledby", [label.id, ...shown].join(" "));
      // Select2 makes the shown value a read-only textbox of its own: named by label and value.
      const value = combobox.querySelector(".select2-selection__rendered");
      if (value && value.id) value.setAttribute("aria-labelledby", `${label.id} ${value.id}`);
    } else if (combobox) {
      combobox.setAttribute("aria-labelledby", label.id);
    }
    const search = container.querySelector(".select2-search__field");
    if (search) search.setAttribute("aria-labelledby", label.id);
  }

  function nameAll(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(nameByLabel);
  }

  // Loaded after Django's autocomplete.js (the widgets' Media says so), whose ready handler,
  // which draws the selects, therefore runs before this one.
  const $ = window.django.jQuery;
  $(() => nameAll(document));
  document.addEventListener("formset:added", event => nameAll(event.target));
  // A multiple choice redraws its search box when a value is added or removed (Select2 tells
  // through jQuery's events, which native listeners do not hear).
  $(document).on("change", "select.admin-autocomplete", event => nameByLabel(event.target));
})();
