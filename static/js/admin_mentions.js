// The mentions inline (templates/admin/articles/mention_inline.html): a row shows the target field
// of its kind only, and takes the colour of its status as soon as the curator picks one, so a
// review pass over twenty mentions reads at a glance before it is saved.
"use strict";
(function () {
  function retag(row, prefix, value) {
    row.classList.forEach(function (name) {
      if (name.indexOf(prefix) === 0) row.classList.remove(name);
    });
    if (value) row.classList.add(prefix + value);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    var row = input.closest(".mention-row");
    if (!row) return;
    if (/-kind$/.test(input.name)) retag(row, "kind-", input.value);
    if (/-status$/.test(input.name) && input.checked) retag(row, "status-", input.value);
  });
})();
