// Draws each role's mean rating per focus area from the JSON the page embeds; the table below
// it gives the same figures.
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
  // Colour-blind-safe hues (Okabe–Ito), kept apart from the rating colours of the tables.
  const colours = { teacher: "#0072b2", administrator: "#e69f00", policymaker: "#6a3d9a" };
  const box = canvas.parentElement;
  const narrow = box.clientWidth < 600;
  const lines = 3;
  // Give every area room for its bars and its label's lines, so neighbouring labels never meet.
  const perArea = Math.max(lines * 15 + 6, data.series.length * 14 + 18);
  box.style.height = `${data.labels.length * perArea + 90}px`;
  const language = document.documentElement.lang || undefined;
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels.map((label) => wrapLabel(label, narrow ? 18 : 34, lines)),
      datasets: data.series.map((s) => ({
        label: s.label,
        data: s.data,
        notes: s.notes,
        backgroundColor: colours[s.role],
        categoryPercentage: 0.8,
        barPercentage: 0.9,
      })),
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {
          min: 0,
          max: 3,
          ticks: { stepSize: 1, autoSkip: false, callback: (value) => data.scale[value] || "" },
        },
        y: { ticks: { autoSkip: false, font: { size: 12 } } },
      },
      plugins: {
        legend: { position: "top" },
        tooltip: {
          callbacks: {
            label: (item) => {
              const mean = item.raw === null ? "—" : item.raw.toLocaleString(language);
              return `${item.dataset.label}: ${mean} (${item.dataset.notes[item.dataIndex]})`;
            },
          },
        },
      },
    },
  });
});
