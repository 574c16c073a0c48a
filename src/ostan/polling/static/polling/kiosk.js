"use strict";
(async function () {
  const root = document.getElementById("kiosk");
  const { pair, newId, persianDigits, asciiDigits, escapeHtml: esc } = window.OstanDevice;
  const device = await pair("voting", root);
  const $ = (sel) => root.querySelector(sel);
  const resetSeconds = Math.max(1, Number(root.dataset.resetSeconds) || 30);
  const idleSeconds = Math.max(1, Number(root.dataset.idleSeconds) || 180);
  const state = { token: "", constituency: null, choices: [], confirmations: 0, catalogue: [], timer: null };
  root.dataset.ready = "1";

  function step(name) {
    for (const el of root.querySelectorAll("[data-step]")) el.hidden = el.dataset.step !== name;
    $("[data-error]").hidden = true;
    watchIdle(name === "ballot" || name === "review");
  }
  // A ballot left open (the voter walked away) is closed after a while without a touch or a key, so the
  // next person never sees another's choices; the token is not spent and opens the ballot again.
  let idleTimer = null;
  function watchIdle(on) {
    clearTimeout(idleTimer);
    idleTimer = on ? setTimeout(() => {
      reset();
      error("برگهٔ رأی پس از مدتی بی‌کاری بسته شد؛ برای رأی دادن، رمز رأی را دوباره وارد کنید.");
    }, idleSeconds * 1000) : null;
  }
  for (const kind of ["pointerdown", "keydown", "input"]) {
    root.addEventListener(kind, () => { if (idleTimer) watchIdle(true); });
  }
  function error(text) { const e = $("[data-error]"); e.textContent = text; e.hidden = false; }
  function say(text) { $("[data-lookup]").textContent = text; }
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
    const chosen = new Set(state.choices.map((c) => c.code));
    for (const button of root.querySelectorAll("[data-pick]")) {
      button.setAttribute("aria-pressed", String(chosen.has(button.dataset.pick)));
    }
  }
  // The constituency's candidates (and, when proportional, its lists) as buttons a voter taps or reaches
  // with the keyboard; the search box filters them by name or code.
  function pickButton(item) {
    const search = `${window.OstanFold(item.name)} ${item.code}`;
    return `<li data-search="${esc(search)}"><button type="button" data-pick="${esc(item.code)}" aria-pressed="false"
      aria-label="${esc(item.name)}، کد ${esc(persianDigits(item.code))}">${line(item)}</button></li>`;
  }
  function showCatalogue() {
    const lists = state.catalogue.filter((c) => c.kind === "list");
    const people = state.catalogue.filter((c) => c.kind !== "list");
    $("[data-lists]").innerHTML = lists.map(pickButton).join("");
    $("[data-list-group]").hidden = lists.length === 0;
    $("[data-candidates]").innerHTML = people.map(pickButton).join("");
    $("[data-candidates-title]").hidden = lists.length === 0;
    $("[data-search]").value = "";
    $("[data-search-count]").textContent = "";
  }
  function filter() {
    const query = $("[data-search]").value;
    const shown = window.OstanFilterList($("[data-lists]"), query) + window.OstanFilterList($("[data-candidates]"), query);
    $("[data-search-count]").textContent = query.trim()
      ? (shown ? `${persianDigits(shown)} نامزد یا فهرست پیدا شد.` : "نامزدی با این نام یا کد پیدا نشد.") : "";
    return shown;
  }
  $("[data-search]").addEventListener("input", filter);
  $("form[data-search-form]").addEventListener("submit", (event) => {  // Enter on a single match adds it
    event.preventDefault();
    const visible = [...root.querySelectorAll(".kiosk-pick li[data-search]:not([hidden]) [data-pick]")];
    if (filter() === 1 && visible.length === 1) visible[0].click();
  });
  root.querySelector(".kiosk-pick").addEventListener("click", (event) => {
    const button = event.target.closest("[data-pick]");
    if (!button) return;
    const i = state.choices.findIndex((c) => c.code === button.dataset.pick);
    if (i >= 0) {
      const [removed] = state.choices.splice(i, 1);
      say(`${removed.name} از برگه برداشته شد.`);
      return render();
    }
    lookups = lookups.then(() => addCode(button.dataset.pick));
  });

  // The Damm check digit of ostan.core.polling.short_codes: a typing mistake is said at once, before
  // anything is sent (the centre checks it again).
  const DAMM = ["0317598642", "7092154863", "4206871359", "1750983426", "6123045978",
    "3674209581", "5869720134", "8945362017", "9438617205", "2581436790"];
  const isShortValid = (digits) => [...digits].reduce((i, d) => Number(DAMM[i][Number(d)]), 0) === 0;
  function presented(text) {
    const raw = text.trim().replace(/^OSTAN-T:/i, "");
    const digits = asciiDigits(raw).replace(/[\s-]/g, "");
    if (/^\d+$/.test(digits) && digits.length <= 12) return { digits, isShort: true };
    return { digits: raw.toUpperCase(), isShort: false };
  }
  $("form[data-step=token]").addEventListener("submit", async (event) => {
    event.preventDefault();
    stopScan();
    const typed = presented(event.target.token.value);
    if (typed.isShort && (typed.digits.length !== 9 || !isShortValid(typed.digits))) {
      return error("کد نُه‌رقمی درست نوشته نشده است (رقم کنترل نمی‌خواند)؛ آن را دوباره با دقت وارد کنید.");
    }
    state.token = typed.digits;
    const answer = await device.post("/api/polling/ballots/open", { token: state.token });
    if (answer.link_down) return error("ارتباط با مرکز برقرار نیست؛ دوباره تلاش کنید.");
    if (answer.status !== 200) return error(answer.data.message || "رمز پذیرفته نشد.");
    state.constituency = answer.data;
    state.choices = [];
    state.catalogue = [];
    $("[data-constituency]").textContent = answer.data.constituency_name;
    $("[data-limit]").textContent = `تا ${persianDigits(answer.data.seats)} کد نامزد` +
      (answer.data.method === "proportional" ? "، یا یک کد فهرست" : "");
    showCatalogue();
    render();
    step("ballot");
    $("form[data-add]").code.focus();
    try {
      const response = await fetch(`/api/polling/constituencies/${answer.data.constituency_id}/candidates`);
      if (response.ok) { state.catalogue = await response.json(); showCatalogue(); render(); }
    } catch (e) { say("فهرست نامزدها بارگیری نشد؛ کد نامزد را بنویسید."); }
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
      say("ارتباط با مرکز برقرار نیست؛ کد را دوباره وارد کنید.");
    });
  });
  async function addCode(code) {
    if (state.choices.some((c) => c.code === code)) return say(`کد ${persianDigits(code)} را پیش‌تر افزوده‌اید.`);
    if (state.choices.length >= state.constituency.seats) return say("بیش از این نمی‌توان کد افزود.");
    let data = state.catalogue.find((c) => c.code === code);
    if (!data) {
      const response = await fetch(`/api/polling/constituencies/${state.constituency.constituency_id}/candidates/${encodeURIComponent(code)}`);
      data = await response.json();
      if (response.status !== 200) return say(data.message || `کد ${persianDigits(code)} ناشناخته است.`);
    }
    if (data.kind === "list" && state.choices.length) return say("کد فهرست باید تنها کد برگه باشد.");
    if (state.choices.some((c) => c.kind === "list")) return say("برگه‌ای که کد فهرست دارد کد دیگری نمی‌پذیرد.");
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
    watchIdle(false);  // being sent: the screen waits for the answer
    const ballot = { ballot_id: newId(), token: state.token, codes: state.choices.map((c) => c.code) };
    let answer = await device.post("/api/polling/ballots", ballot);
    while (answer.link_down) {  // the same ballot id: a retry is stored once
      error("ارتباط با مرکز برقرار نیست؛ ثبت رأی دوباره تلاش می‌شود.");
      await new Promise((r) => setTimeout(r, 3000));
      answer = await device.post("/api/polling/ballots", ballot);
    }
    if (answer.status !== 200) {
      state.confirmations = 0;
      watchIdle(true);
      return error(answer.data.message || "رأی ثبت نشد.");
    }
    $("[data-receipt]").textContent = answer.data.receipt_code.replace(/(.{4})(?=.)/g, "$1-");
    $("[data-paper]").href = `/polling/paper/${answer.data.ballot_id}/`;
    step("receipt");
    countDown(resetSeconds);
  });

  // The receipt is the voter's alone: it is cleared after a short while, or at once with «رأی‌دهندهٔ بعدی».
  function countDown(left) {
    clearTimeout(state.timer);
    $("[data-reset-note]").textContent = `این صفحه تا ${persianDigits(left)} ثانیهٔ دیگر برای رأی‌دهندهٔ بعدی پاک می‌شود.`;
    state.timer = left > 0 ? setTimeout(() => countDown(left - 1), 1000) : null;
    if (left <= 0) reset();
  }
  function reset() {
    clearTimeout(state.timer);
    Object.assign(state, { token: "", constituency: null, choices: [], confirmations: 0, catalogue: [], timer: null });
    $("[data-receipt]").textContent = "";
    $("[data-paper]").href = "#";
    $("[data-reset-note]").textContent = "";
    $("[data-review-list]").innerHTML = "";
    $("[data-constituency]").textContent = "";
    say("");
    showCatalogue();
    render();
    $("form[data-step=token]").reset();
    step("token");
    $("form[data-step=token]").token.focus();
    root.dataset.resets = String(Number(root.dataset.resets || 0) + 1);
  }
  $("[data-next-voter]").addEventListener("click", reset);

  // A QR scan with the browser's own BarcodeDetector, where there is one and a camera: progressive, the
  // typed code is the fallback. The frame is read on the device; only the code it holds is sent.
  let scanning = null;
  function stopScan() {
    if (!scanning) return;
    scanning.stream.getTracks().forEach((t) => t.stop());
    clearInterval(scanning.timer);
    scanning = null;
    $("[data-scan-view]").hidden = true;
  }
  async function startScan() {
    try {
      const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      const video = $("[data-scan-video]");
      video.srcObject = stream;
      await video.play();
      $("[data-scan-view]").hidden = false;
      scanning = { stream, timer: setInterval(async () => {
        const codes = await detector.detect(video).catch(() => []);
        const hit = codes.find((c) => /^OSTAN-T:\d{9}$/i.test(c.rawValue));
        if (!hit) return;
        stopScan();
        const form = $("form[data-step=token]");
        form.token.value = hit.rawValue.slice(8);
        form.requestSubmit();
      }, 300) };
    } catch (e) {
      stopScan();
      error("دوربین در دسترس نیست؛ کد نُه‌رقمی را بنویسید.");
    }
  }
  if ("BarcodeDetector" in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    window.BarcodeDetector.getSupportedFormats().then((formats) => {
      if (formats.includes("qr_code")) $("[data-scan]").hidden = false;
    }).catch(() => {});
    $("[data-scan]").addEventListener("click", startScan);
    $("[data-scan-stop]").addEventListener("click", stopScan);
  }
})();
