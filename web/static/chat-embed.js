/*
 * Malå kommun chat assistant: the one script a web editor embeds.
 *
 *   <script src="/static/chat-embed.js" defer
 *           data-server="http://localhost:5005"   Rasa server (socket.io channel)
 *           data-language="sv"                    sv | en (default: <html lang>)
 *           data-greeting="/greet"></script>      first message sent when the chat opens
 *
 * It loads the widget's stylesheet, our accessibility and safety layer
 * (widget-a11y.js) and the rasa-webchat bundle from this same site, then
 * starts the widget with texts in the page's language.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = script.dataset;
  var base = script.src; // other files are found relative to this script

  var TEXTS = {
    sv: {
      region: "Chattassistent",
      title: "Fråga om våra projekt",
      placeholder: "Skriv din fråga här …",
      connecting: "Ansluter till chatten …",
      open: "Öppna chatten: fråga om Malå kommuns projekt",
      close: "Stäng chatten",
      input: "Ditt meddelande",
      send: "Skicka",
      log: "Chattkonversation",
      announce: "Nya meddelanden från assistenten",
      botSays: "Assistenten:",
      feedback: "Hjälpte svaret?",
      helpful: "Hjälpte",
      helpfulName: "Svaret hjälpte",
      notHelpful: "Hjälpte inte",
      notHelpfulName: "Svaret hjälpte inte"
    },
    en: {
      region: "Chat assistant",
      title: "Ask about our projects",
      placeholder: "Type your question here …",
      connecting: "Connecting to the chat …",
      open: "Open the chat: ask about Malå Municipality's projects",
      close: "Close the chat",
      input: "Your message",
      send: "Send",
      log: "Chat conversation",
      announce: "New messages from the assistant",
      botSays: "Assistant:",
      feedback: "Did the answer help?",
      helpful: "Helpful",
      helpfulName: "The answer was helpful",
      notHelpful: "Not helpful",
      notHelpfulName: "The answer was not helpful"
    }
  };

  var lang = (data.language || document.documentElement.lang || "sv").slice(0, 2).toLowerCase();
  if (!TEXTS[lang]) lang = "sv";
  var texts = TEXTS[lang];

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el[k] = attrs[k]; });
      el.onload = resolve;
      el.onerror = function () { reject(new Error("could not load " + (attrs.src || attrs.href))); };
      document.head.appendChild(el);
    });
  }

  function url(path) { return new URL(path, base).href; }

  // A random id kept in this browser, sent with every socket.io request: with several Rasa
  // servers behind nginx (assistant serve --replicas), it keeps one visitor on one server.
  function visitorId() {
    var key = "mala-chat-visitor";
    var id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { /* storage blocked */ }
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      try { window.localStorage.setItem(key, id); } catch (e) { /* a new id per page then */ }
    }
    return id;
  }

  function socketUrl() {
    var server = new URL(data.server || "http://localhost:5005");
    server.searchParams.set("visitor", visitorId());
    return server.href;
  }

  function start() {
    // The widget lives in a labelled landmark so that it is easy to find.
    var host = document.createElement("aside");
    host.id = "mala-chat";
    host.setAttribute("aria-label", texts.region);
    var mount = document.createElement("div"); // React replaces whatever is in here
    host.appendChild(mount);
    document.body.appendChild(host);

    // The widget's handle (set once it is mounted) sends the feedback buttons' payloads.
    var widget = null;
    window.MalaChatA11y.enhance(host, texts, {
      send: function (payload) { if (widget) widget.sendMessage(payload); },
      session: function () { return widget && widget.getSessionId ? widget.getSessionId() : null; }
    });
    window.WebChat.default({
      innerRef: function (handle) { widget = handle; },
      socketUrl: socketUrl(),
      socketPath: "/socket.io/",
      customData: { language: lang }, // reaches Rasa as message metadata
      initPayload: data.greeting || "/greet",
      title: texts.title,
      inputTextFieldHint: texts.placeholder,
      connectingText: texts.connecting,
      params: { storage: "local" }, // the conversation survives a reload
      hideWhenNotConnected: false, // the launcher stays reachable while the bot starts
      withRules: false, // Botfront-only feature; with it the widget stays hidden until the server answers
      disableTooltips: true, // popper tooltips are not keyboard/screen-reader friendly
      showCloseButton: true,
      // Colours chosen for WCAG AA contrast (the defaults are not all AA).
      mainColor: "#0b4f8a",
      userBackgroundColor: "#0b4f8a",
      userTextColor: "#ffffff",
      assistBackgoundColor: "#eef2f6",
      assistTextColor: "#1a1a1a",
      conversationBackgroundColor: "#ffffff"
    }, mount);
  }

  Promise.all([
    load("link", { rel: "stylesheet", href: url("widget.css") }),
    load("script", { src: url("widget-a11y.js"), async: false }),
    load("script", { src: data.bundle || url("../vendor/rasa-webchat/index.js"), async: false })
  ]).then(start, function (err) {
    console.error("Malå chat:", err);
  });
})();
