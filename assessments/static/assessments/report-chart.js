// Draws the perception-spread chart from the JSON the page embeds; the table beside it says the same.
function wrapLabel(text, width, maxLines) {
  // Long focus-area names are broken into lines (cut short on a phone; the table has them whole).
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + " " + word : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = lines[maxLines - 1].slice(0, width - 1) + "…";
  }
  return lines;
}

document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  const canvas = document.getElementById("spread-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const colours = { 0: "#9aa0a6", 1: "#b4432f", 2: "#3f7d4f", 3: "#1f5fa8" };
  const narrow = canvas.parentElement.clientWidth < 600;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels.map((label) => (narrow ? wrapLabel(label, 20, 2) : wrapLabel(label, 36, 3))),
      datasets: data.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: colours[s.rating] })),
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, ticks: { precision: 0 } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
});
