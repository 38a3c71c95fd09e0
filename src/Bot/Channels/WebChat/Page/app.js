// InstructorBot web chat: plain JS, no build step. Talks to /api/webchat/* with the session cookie and a custom
// header (a cross-site form cannot set it, which with SameSite=Strict guards against CSRF).
(function () {
  "use strict";
  var HEADER = { "X-InstructorBot-Request": "1" };
  var $ = function (id) { return document.getElementById(id); };
  var log = $("log"), quick = $("quick"), text = $("text");

  function api(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: Object.assign({}, HEADER) };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (raw) {
        var data = null;
        try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function add(fromMe, message, pending) {
    var item = document.createElement("li");
    item.className = (fromMe ? "me" : "bot") + (pending ? " pending" : "");
    var bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = message.text;
    if (message.attachment && /^image\//.test(message.attachment.contentType || "")) {
      // A chart: shown in the bubble; tapping opens it full size. Its link expires like an export's.
      var figure = document.createElement("a");
      figure.className = "chart";
      figure.href = message.attachment.url;
      figure.target = "_blank";
      figure.rel = "noopener";
      var image = document.createElement("img");
      image.src = message.attachment.url;
      image.alt = message.attachment.description || message.attachment.name;
      image.addEventListener("error", function () {
        var expired = document.createElement("span");
        expired.className = "file";
        expired.textContent = "（图表链接已过期，请重新询问）";
        figure.replaceWith(expired);
      });
      figure.appendChild(image);
      bubble.appendChild(figure);
    } else if (message.attachment) {
      bubble.appendChild(document.createElement("br"));
      var link = document.createElement("a");
      link.className = "file";
      link.href = message.attachment.url;
      link.textContent = "下载：" + message.attachment.name;
      link.setAttribute("download", message.attachment.name);
      bubble.appendChild(link);
    }
    item.appendChild(bubble);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function showQuickReplies(replies) {
    quick.innerHTML = "";
    (replies || []).forEach(function (reply) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = reply.title;
      button.addEventListener("click", function () { send(reply.value); });
      quick.appendChild(button);
    });
  }

  function showReplies(replies) {
    var last = null;
    replies.forEach(function (reply) { add(false, reply); last = reply; });
    showQuickReplies(last && last.quickReplies);
  }

  var sending = false;
  function send(message) {
    message = (message || "").trim();
    if (!message || sending) { return; }
    sending = true;
    showQuickReplies([]);
    var mine = add(true, { text: message }, true);
    api("POST", "/api/webchat/messages", { text: message, clientMessageId: newId() }).then(function (result) {
      mine.classList.remove("pending");
      if (result.status === 401) { showSignIn(); return; }
      if (!result.ok) {
        add(false, { text: (result.data && result.data.detail) || "发送失败，请稍后重试。" });
        return;
      }
      showReplies(result.data.replies || []);
    }).catch(function () {
      add(false, { text: "网络不通，请稍后重试。" });
    }).then(function () { sending = false; });
  }

  function showSignIn() {
    $("chat").hidden = true; $("signout").hidden = true; $("who").textContent = "";
    $("signin").hidden = false; $("code").focus();
  }

  function showChat(me) {
    $("signin").hidden = true; $("chat").hidden = false; $("signout").hidden = false;
    $("who").textContent = me.name;
    log.innerHTML = "";
    api("GET", "/api/webchat/history").then(function (result) {
      if (!result.ok) { return; }
      var entries = result.data.messages || [];
      entries.forEach(function (entry) { add(entry.fromUser, entry); });
      var last = entries.length ? entries[entries.length - 1] : null;
      if (!entries.length) { add(false, { text: "您好，" + me.name + "！发送“帮助”查看能说什么。" }); }
      showQuickReplies(last && !last.fromUser ? last.quickReplies : []);
    });
  }

  $("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("signin-error").textContent = "";
    api("POST", "/api/webchat/signin", { code: $("code").value.trim() }).then(function (result) {
      if (result.ok) { $("code").value = ""; showChat(result.data); return; }
      $("signin-error").textContent = (result.data && result.data.detail) || "登录失败。";
    });
  });

  $("send-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var message = text.value;
    text.value = "";
    send(message);
  });

  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("send-form").requestSubmit ? $("send-form").requestSubmit() : $("send").click();
    }
  });

  $("signout").addEventListener("click", function () {
    api("POST", "/api/webchat/signout").then(showSignIn);
  });

  api("GET", "/api/webchat/me").then(function (result) {
    if (result.ok) { showChat(result.data); } else { showSignIn(); }
  }).catch(showSignIn);
})();
