// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", function () {
  // The language switch submits as soon as a language is picked (its button is hidden by CSS).
  var switcher = document.getElementById("language-switch");
  if (switcher) {
    switcher.querySelector("select").addEventListener("change", function () {
      switcher.submit();
    });
  }
});
