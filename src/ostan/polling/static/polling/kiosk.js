"use strict";
(async function () {
  const root = document.getElementById("kiosk");
  const { pair, newId, persianDigits, asciiDigits, escapeHtml: esc } = window.OstanDevice;
  const device = await pair("voting", root);
  const $ = (sel) => root.querySelector(sel);
  const state = { token: "", constituency: null, choices: [], confirmations: 0 };
  root.dataset.ready = "1";

  function step(name) {
    for (const el of root.querySelectorAll("[data-step]")) el.hidden = el.dataset.step !== name;
    $("[data-error]").hidden = true;
  }
  function error(text) { const e = $("[data-error]"); e.textContent = text; e.hidden = false; }
  function avatar(item) {
    return item.photo_url ? `<span class="avatar"><img src="${esc(item.photo_url)}" alt=""></span>`
                          : `<span class="avatar" aria-hidden="true">${esc(item.initials)}</span>`;
  }
  function line(item) {
    const list = item.list_name ? ` — ${esc(item.list_name)}` : (item.kind === "list" ? " (فهرست)" : "");
    return `${avatar(item)}<span>کد ${esc(persianDigits(item.code))}: <strong>${esc(item.name)}</strong>${list}</span>`;
  }
  function render() {
    $("[data-choices]").innerHTML = state.choices.map((item, i) =>
      `<li>${line(item)} <button type="button" data-remove="${i}" aria-label="حذف ${esc(item.name)}">حذف</button></li>`).join("");
  }
  $("form[data-step=token]").addEventListener("submit", async (event) => {
    event.preventDefault();
    state.token = event.target.token.value.trim().toUpperCase();
    const answer = await device.post("/api/polling/ballots/open", { token: state.token });
    if (answer.link_down) return error("ارتباط با مرکز برقرار نیست؛ دوباره تلاش کنید.");
    if (answer.status !== 200) return error(answer.data.message || "رمز پذیرفته نشد.");
    state.constituency = answer.data;
    state.choices = [];
    $("[data-constituency]").textContent = answer.data.constituency_name;
    $("[data-limit]").textContent = `تا ${persianDigits(answer.data.seats)} کد نامزد` +
      (answer.data.method === "proportional" ? "، یا یک کد فهرست" : "");
    render();
    step("ballot");
    $("form[data-add]").code.focus();
  });
  // Codes are looked up one after another, in the order typed: a voter who types the next code while
  // the last one is still being looked up loses nothing, and the box is cleared as soon as a code is taken.
  let lookups = Promise.resolve();
  $("form[data-add]").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = event.target.code;
    const code = asciiDigits(box.value.trim());
    if (!code) return;
    box.value = "";
    lookups = lookups.then(() => addCode(code)).catch(() => {
      $("[data-lookup]").textContent = "ارتباط با مرکز برقرار نیست؛ کد را دوباره وارد کنید.";
    });
  });
  async function addCode(code) {
    const say = (text) => { $("[data-lookup]").textContent = text; };
    if (state.choices.some((c) => c.code === code)) return say(`کد ${persianDigits(code)} را پیش‌تر افزوده‌اید.`);
    if (state.choices.length >= state.constituency.seats) return say("بیش از این نمی‌توان کد افزود.");
    const response = await fetch(`/api/polling/constituencies/${state.constituency.constituency_id}/candidates/${encodeURIComponent(code)}`);
    const data = await response.json();
    if (response.status !== 200) return say(data.message || `کد ${persianDigits(code)} ناشناخته است.`);
    if (data.kind === "list" && state.choices.length) return say("کد فهرست باید تنها کد برگه باشد.");
    state.choices.push(data);
    say(`${data.name} افزوده شد.`);
    render();
  }
  $("[data-choices]").addEventListener("click", (event) => {
    const i = event.target.dataset.remove;
    if (i !== undefined) { state.choices.splice(Number(i), 1); render(); }
  });
  function review() {
    state.confirmations = 0;
    $("[data-review-list]").innerHTML = state.choices.length
      ? state.choices.map((item) => `<li>${line(item)}</li>`).join("") : "<li>رأی سفید</li>";
    $("[data-confirm-hint]").textContent = "برای ثبت، کلید سبز را دو بار بزنید.";
    step("review");
    $("[data-confirm]").focus();
  }
  $("[data-review]").addEventListener("click", review);
  $("[data-blank]").addEventListener("click", () => { state.choices = []; render(); review(); });
  $("[data-back]").addEventListener("click", () => step("ballot"));
  $("[data-confirm]").addEventListener("click", async () => {
    state.confirmations += 1;
    if (state.confirmations === 1) { $("[data-confirm-hint]").textContent = "برای ثبت نهایی، کلید سبز را یک بار دیگر بزنید."; return; }
    const ballot = { ballot_id: newId(), token: state.token, codes: state.choices.map((c) => c.code) };
    let answer = await device.post("/api/polling/ballots", ballot);
    while (answer.link_down) {  // the same ballot id: a retry is stored once
      error("ارتباط با مرکز برقرار نیست؛ ثبت رأی دوباره تلاش می‌شود.");
      await new Promise((r) => setTimeout(r, 3000));
      answer = await device.post("/api/polling/ballots", ballot);
    }
    if (answer.status !== 200) { state.confirmations = 0; return error(answer.data.message || "رأی ثبت نشد."); }
    $("[data-receipt]").textContent = answer.data.receipt_code.replace(/(.{4})(?=.)/g, "$1-");
    $("[data-paper]").href = `/polling/paper/${answer.data.ballot_id}/`;
    step("receipt");
  });
})();
