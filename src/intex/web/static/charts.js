// Charts of the web UI (the estimate timeline, mentions over time): each element with
// class "vega-chart" names, in data-spec, the JSON data block that holds its Vega-Lite
// spec. Vega runs with its expression interpreter (the Content-Security-Policy allows no
// eval); buttons with data-export="png|svg" and data-chart="ID" save that chart.
// Nothing is fetched from anywhere.
(function () {
  "use strict";
  if (typeof vegaEmbed !== "function") {
    return;
  }
  window.intexCharts = window.intexCharts || {};

  function save(url, name) {
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function wire(holder, view) {
    var name = holder.getAttribute("data-filename") || holder.id;
    document.querySelectorAll('[data-export][data-chart="' + holder.id + '"]')
      .forEach(function (button) {
        button.disabled = false;
        button.addEventListener("click", function () {
          var ext = button.getAttribute("data-export");
          view.toImageURL(ext, ext === "png" ? 2 : 1).then(function (url) {
            save(url, name + "." + ext);
          });
        });
      });
  }

  document.querySelectorAll(".vega-chart[data-spec]").forEach(function (holder) {
    var block = document.getElementById(holder.getAttribute("data-spec"));
    if (!block) {
      return;
    }
    vegaEmbed(holder, JSON.parse(block.textContent), {
      mode: "vega-lite",
      renderer: holder.getAttribute("data-renderer") || "svg",
      actions: false,
      ast: true,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true, maxDepth: 1 },
    }).then(function (result) {
      window.intexCharts[holder.id] = result.view; // for tests and the console
      if (holder.id === "timeline") {
        window.intexTimeline = result.view;
      }
      holder.setAttribute("data-ready", "true");
      wire(holder, result.view);
    }).catch(function (err) {
      holder.setAttribute("data-ready", "failed");
      holder.textContent = "The chart could not be drawn: " + err.message;
    });
  });
})();
