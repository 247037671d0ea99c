// Dev-only identity switcher and message inbox, injected into the H5 app by the dev server.
// The H5 cloud adapter reads localStorage 'dev-openid' and calls /__dev/call as that WeChat user.
;(function () {
  var KEY = 'dev-openid'
  var LABEL = 'dev-label'
  if (!localStorage.getItem(KEY)) {
    localStorage.setItem(KEY, 'demo-active')
    localStorage.setItem(LABEL, '志愿者 · 已激活')
  }
  var css =
    '#dev-switcher{position:fixed;right:8px;bottom:64px;z-index:99999;font:13px/1.5 sans-serif}' +
    '#dev-switcher .chip{background:#1f2937;color:#fff;border:0;border-radius:16px;padding:6px 12px;opacity:.88;cursor:pointer}' +
    '#dev-switcher .panel{position:absolute;right:0;bottom:40px;width:300px;max-height:70vh;overflow:auto;background:#fff;color:#111;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.25);padding:10px}' +
    '#dev-switcher h4{margin:8px 0 4px;font-size:13px;color:#6b7280}' +
    '#dev-switcher button.user{display:block;width:100%;text-align:left;border:1px solid #e5e7eb;background:#f9fafb;border-radius:6px;margin:3px 0;padding:6px 8px;cursor:pointer}' +
    '#dev-switcher button.user.current{border-color:#2563eb;background:#eff6ff}' +
    '#dev-switcher .msg{border-left:3px solid #16a34a;padding:4px 8px;margin:4px 0;background:#f0fdf4;word-break:break-all}'
  var style = document.createElement('style')
  style.textContent = css
  document.head.appendChild(style)

  var root = document.createElement('div')
  root.id = 'dev-switcher'
  root.innerHTML =
    '<button class="chip" data-testid="dev-switcher-toggle"></button><div class="panel" hidden data-testid="dev-switcher-panel">' +
    '<div style="font-weight:600">本地开发：切换身份（仅本地）</div><h4>演示身份</h4><div class="users"></div>' +
    '<button class="user" data-testid="dev-new-user">＋ 以新微信用户身份进入</button>' +
    '<h4>消息收件箱（订阅消息）</h4><div class="inbox" data-testid="dev-inbox">加载中…</div></div>'
  document.body.appendChild(root)
  var chip = root.querySelector('.chip')
  var panel = root.querySelector('.panel')
  chip.textContent = '身份：' + (localStorage.getItem(LABEL) || localStorage.getItem(KEY))

  function actAs(openid, label) {
    localStorage.setItem(KEY, openid)
    localStorage.setItem(LABEL, label)
    location.reload()
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag)
    if (cls) e.className = cls
    if (text) e.textContent = text
    return e
  }

  function loadInbox() {
    var box = root.querySelector('.inbox')
    fetch('/__dev/outbox?openid=' + encodeURIComponent(localStorage.getItem(KEY)))
      .then(function (r) {
        return r.json()
      })
      .then(function (list) {
        box.textContent = ''
        if (!list.length) box.textContent = '暂无消息'
        list
          .slice()
          .reverse()
          .forEach(function (m) {
            var lines = Object.keys(m.data || {}).map(function (k) {
              return k + '：' + m.data[k].value
            })
            var div = el('div', 'msg')
            div.setAttribute('data-testid', 'dev-inbox-message')
            div.textContent =
              new Date(m.at).toLocaleString('zh-CN') +
              (m.errcode ? '（发送失败 ' + m.errcode + '）' : '') +
              '\n' +
              lines.join('；')
            box.appendChild(div)
          })
      })
      .catch(function () {
        box.textContent = '收件箱加载失败'
      })
  }

  chip.addEventListener('click', function () {
    panel.hidden = !panel.hidden
    if (panel.hidden) return
    loadInbox()
    fetch('/__dev/users')
      .then(function (r) {
        return r.json()
      })
      .then(function (users) {
        var list = root.querySelector('.users')
        list.textContent = ''
        users.forEach(function (u) {
          var b = el('button', 'user' + (u.openid === localStorage.getItem(KEY) ? ' current' : ''), u.label)
          b.setAttribute('data-openid', u.openid)
          b.addEventListener('click', function () {
            actAs(u.openid, u.label)
          })
          list.appendChild(b)
        })
      })
  })
  root.querySelector('[data-testid="dev-new-user"]').addEventListener('click', function () {
    var id = 'wx-new-' + Math.random().toString(36).slice(2, 10)
    actAs(id, '新微信用户 ' + id.slice(-4))
  })
})()
