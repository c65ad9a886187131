// The estimate timeline: draws the Vega-Lite spec the page carries in a JSON data block,
// with Vega's expression interpreter (the page's Content-Security-Policy allows no eval),
// and offers the picture as PNG and SVG. Nothing is fetched from anywhere.
(function () {
  "use strict";
  var holder = document.getElementById("timeline");
  var specNode = document.getElementById("timeline-spec");
  if (!holder || !specNode || typeof vegaEmbed !== "function") {
    return;
  }
  var spec = JSON.parse(specNode.textContent);
  var name = holder.getAttribute("data-filename") || "timeline";

  function save(url, ext) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name + "." + ext;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  vegaEmbed(holder, spec, {
    mode: "vega-lite",
    renderer: holder.getAttribute("data-renderer") || "svg",
    actions: false,
    ast: true,
    defaultStyle: false,
    tooltip: { disableDefaultStyle: true, maxDepth: 1 },
  }).then(function (result) {
    var view = result.view;
    window.intexTimeline = view; // for tests and the console
    holder.setAttribute("data-ready", "true");
    document.querySelectorAll("[data-export]").forEach(function (button) {
      button.disabled = false;
      button.addEventListener("click", function () {
        var ext = button.getAttribute("data-export");
        view.toImageURL(ext, ext === "png" ? 2 : 1).then(function (url) {
          save(url, ext);
        });
      });
    });
  }).catch(function (err) {
    holder.setAttribute("data-ready", "failed");
    holder.textContent = "The chart could not be drawn: " + err.message;
  });
})();
