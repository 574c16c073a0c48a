// A station device in the browser: an Ed25519 key kept non-extractable in IndexedDB, and every request
// signed with the canonical message of ostan.core.polling.devices (ostan-device-request-v1).
"use strict";
(function () {
  const DB = "ostan-device", STORE = "keys";
  const enc = new TextEncoder();

  function idb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async function idbGet(key) {
    const db = await idb();
    return new Promise((resolve, reject) => {
      const req = db.transaction(STORE).objectStore(STORE).get(key);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  async function idbPut(key, value) {
    const db = await idb();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(value, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
  async function sha256hex(bytes) { return hex(await crypto.subtle.digest("SHA-256", bytes)); }
  function base32(bytes) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits = 0, value = 0, out = "";
    for (const b of bytes) {
      value = (value << 8) | b; bits += 8;
      while (bits >= 5) { out += alphabet[(value >>> (bits - 5)) & 31]; bits -= 5; }
    }
    if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
    return out;
  }
  function timestamp(d) { return d.toISOString().slice(0, 19) + "Z"; }

  class Device {
    constructor(role, keys) { this.role = role; this.keys = keys; }
    static async open(role) {
      let keys = await idbGet(role);
      if (!keys) {
        keys = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
        await idbPut(role, keys);
      }
      return new Device(role, keys);
    }
    async publicKeyHex() { return hex(await crypto.subtle.exportKey("raw", this.keys.publicKey)); }
    get config() { return JSON.parse(localStorage.getItem("ostan-device-" + this.role) || "{}"); }
    set config(value) { localStorage.setItem("ostan-device-" + this.role, JSON.stringify(value)); }
    get isPaired() { return Boolean(this.config.device_id && this.config.station_code); }
    nextCounter() {
      // Milliseconds since 1970 unless a later value was used: grows even if storage is lost.
      const key = "ostan-counter-" + this.role;
      const next = Math.max(Number(localStorage.getItem(key) || 0) + 1, Date.now());
      localStorage.setItem(key, String(next));
      return next;
    }
    async headers(method, path, body) {
      const { device_id, station_code } = this.config;
      const counter = this.nextCounter(), ts = timestamp(new Date());
      const lines = ["ostan-device-request-v1", method, path, station_code, device_id, String(counter), ts, await sha256hex(body)];
      const signature = await crypto.subtle.sign({ name: "Ed25519" }, this.keys.privateKey, enc.encode(lines.join("\n")));
      return {
        "Content-Type": "application/json", "X-Ostan-Station": station_code, "X-Ostan-Device": device_id,
        "X-Ostan-Counter": String(counter), "X-Ostan-Timestamp": ts, "X-Ostan-Signature": b64(signature),
      };
    }
    // POST a signed JSON request; a network failure is reported as {link_down: true}.
    async post(path, payload) {
      const body = enc.encode(JSON.stringify(payload));
      const headers = await this.headers("POST", path, body);
      let response;
      try {
        response = await fetch(path, { method: "POST", headers, body, credentials: "omit" });
      } catch (error) {
        return { link_down: true };
      }
      return { status: response.status, data: await response.json().catch(() => ({})) };
    }
    async signDocument(context, bytes) {
      const data = new Uint8Array([...enc.encode(context + "\n"), ...bytes]);
      return b64(await crypto.subtle.sign({ name: "Ed25519" }, this.keys.privateKey, data));
    }
  }

  async function newToken() {
    const token = base32(crypto.getRandomValues(new Uint8Array(20)));
    return { token, hash: await sha256hex(enc.encode("ostan-voting-token-v1|" + token)) };
  }
  function newId() { return hex(crypto.getRandomValues(new Uint8Array(16))); }
  const persianDigits = (text) => String(text).replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[d]);
  const asciiDigits = (text) => String(text).replace(/[۰-۹]/g, (d) => "۰۱۲۳۴۵۶۷۸۹".indexOf(d)).replace(/[٠-٩]/g, (d) => "٠١٢٣٤٥٦٧٨٩".indexOf(d));

  // The pairing panel every device page shows: the public key to register (in blocks of four, read
  // aloud; the element's text stays the 64 digits), its fingerprint, then the id and station.
  function showKey(element, keyHex) {
    element.replaceChildren(...keyHex.match(/.{1,4}/g).map((block) => {
      const span = document.createElement("span");
      span.textContent = block;
      return span;
    }));
  }
  function showState(root, cfg) {
    const state = root.querySelector("[data-pairing-state]");
    if (!state) return;
    state.textContent = cfg.device_id && cfg.station_code
      ? `این دستگاه با شناسهٔ «${cfg.device_id}» برای شعبهٔ «${cfg.station_code}» تنظیم شده است.`
      : "این دستگاه هنوز با شعبه‌ای جفت نشده است.";
  }
  async function pair(role, root) {
    const device = await Device.open(role);
    const keyHex = await device.publicKeyHex();
    showKey(root.querySelector("[data-public-key]"), keyHex);
    const fingerprint = root.querySelector("[data-key-fingerprint]");
    if (fingerprint) {
      const raw = Uint8Array.from(keyHex.match(/../g), (h) => parseInt(h, 16));
      fingerprint.textContent = (await sha256hex(raw)).slice(0, 16);
    }
    const form = root.querySelector("form[data-pairing]");
    const cfg = device.config;
    form.device_id.value = cfg.device_id || "";
    form.station_code.value = cfg.station_code || "";
    showState(root, cfg);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      // Officials may type Persian digits; the signed message needs the ASCII id and code.
      const clean = (value) => asciiDigits(value).replace(/\s+/g, "");
      device.config = { device_id: clean(form.device_id.value), station_code: clean(form.station_code.value) };
      showState(root, device.config);
      root.dispatchEvent(new CustomEvent("paired"));
    });
    return device;
  }

  // Text from the server (names, messages) goes into markup only through this.
  function escapeHtml(value) {
    return String(value ?? "").replace(/[&<>"']/g, (ch) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
  }
  window.OstanDevice = { Device, newToken, newId, pair, persianDigits, asciiDigits, b64, escapeHtml };
})();
