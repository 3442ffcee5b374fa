// The JavaScript API from a host page's own script: mount, search, setQuery, open, destroy,
// and the lectern:ready / lectern:change events.
const element = document.getElementById("reader");
const status = document.getElementById("status");
const answers = document.getElementById("answers");
const reader = window.Lectern.mount(element, { panels: ["list", "reader", "quotes"], height: 480 });

element.addEventListener("lectern:ready", (event) => {
  status.textContent = `Ready with ${event.detail.articles} articles.`;
});
element.addEventListener("lectern:change", (event) => {
  const { query, article, matches } = event.detail;
  status.textContent = `Showing ${article ?? "no article"}; query “${query}”, ${matches ?? "no"} matches.`;
});

document.getElementById("ask").addEventListener("submit", async (event) => {
  event.preventDefault();
  const query = document.getElementById("question").value;
  const { total, results } = await reader.search(query, { limit: 5 });
  answers.replaceChildren(...results.map((r) => {
    const item = document.createElement("li");
    item.className = "answer";
    const [start, end] = r.matches[0] ?? [0, 0];
    item.textContent = `${r.article} · ${r.heading ?? "section " + r.section}: …${r.excerpt.slice(start, end)}… (${r.score.toFixed(2)})`;
    return item;
  }));
  answers.dataset.total = String(total);
  await reader.setQuery(query);
});

document.getElementById("open-second").addEventListener("click", () => reader.open("001_8e444e78868fc76e"));
document.getElementById("remove").addEventListener("click", () => {
  reader.destroy();
  status.textContent = "The reader was removed.";
});
