// Draws the perception-spread chart from the JSON the page embeds; the table beside it says the same.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  const canvas = document.getElementById("spread-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const colours = { 0: "#9aa0a6", 1: "#b4432f", 2: "#3f7d4f", 3: "#1f5fa8" };
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: colours[s.rating] })),
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: "bottom" } },
    },
  });
});
