// The "Where can I go from here?" panel. It evaluates the data the engine
// prepared (the JSON in #roadmap-data) the way `roadmap pathways` does.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("roadmap-data").textContent);
  const form = document.getElementById("where-form");
  form.hidden = false;
  window.roadmapData = data;
})();
