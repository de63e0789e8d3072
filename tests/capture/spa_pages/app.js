// A small single-page app built the way component libraries build theirs, after the WAI-ARIA
// Authoring Practices: a select-only combobox whose listbox is put at the end of the document, an
// editable combobox with list autocomplete that asks the server as you type, a native select,
// radio buttons, a table whose rows open on click, a search that filters after a pause, and
// notices in toasts with role=alert. Client-side routing; nothing here knows about any test.
const view = document.getElementById('view');
// As lodash's debounce does it: the timer, once it fires, asks the clock whether the pause was long enough.
const debounce = (fn, ms) => {
  let timer = null, last = 0, latest = [];
  const expired = () => {
    const waited = Date.now() - last;
    if (waited < ms) { timer = setTimeout(expired, ms - waited); return; }
    timer = null;
    fn(...latest);
  };
  return (...given) => {
    latest = given;
    last = Date.now();
    if (timer === null) timer = setTimeout(expired, ms);
  };
};
const go = path => { history.pushState({}, '', path); render(); };
document.addEventListener('click', event => {
  const link = event.target.closest('a[data-route]');
  if (link) { event.preventDefault(); go(link.getAttribute('href')); }
});
window.addEventListener('popstate', () => render());

function toast(text, marked) {
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'alert');
  if (marked) box.innerHTML = '<svg role="img" aria-label="Error" width="12" height="12"><circle cx="6" cy="6" r="5" fill="red"/></svg> ';
  box.append(text);
  document.getElementById('toasts').replaceChildren(box);
  setTimeout(() => box.remove(), 4000);  // toasts hide themselves after a while
}

// A listbox shown at the end of the document, below `field`, with `names`; `chosen` is called with one.
function openListbox(field, id, labelledby, names, chosen) {
  closeListbox(id);
  const list = document.createElement('ul');
  list.id = id;
  list.className = 'popup';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-labelledby', labelledby);
  names.forEach((name, index) => {
    const option = document.createElement('li');
    option.id = `${id}-${index}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    option.textContent = name;
    option.addEventListener('mousedown', event => event.preventDefault());  // the field keeps the focus
    option.addEventListener('click', () => { closeListbox(id); chosen(name, index); });
    list.append(option);
  });
  const box = field.getBoundingClientRect();
  list.style.left = `${box.left + scrollX}px`;
  list.style.top = `${box.bottom + scrollY}px`;
  document.body.append(list);
  field.setAttribute('aria-expanded', 'true');
}

function closeListbox(id) {
  document.getElementById(id)?.remove();
  document.querySelectorAll(`[aria-expanded="true"]`).forEach(node => node.setAttribute('aria-expanded', 'false'));
}

async function tickets() {
  view.innerHTML = `<h1>Tickets</h1>
    <form role="search" onsubmit="return false"><label for="q">Search</label> <input id="q" type="search"></form>
    <p><label for="action">Action</label> <select id="action"><option value="">---------</option>
      <option value="delete_selected">Delete selected tickets</option><option value="export">Export selected tickets</option>
      </select> <button type="button" id="go">Go</button></p>
    <p id="chosen"></p>
    <table aria-label="Tickets"><thead><tr><th>#</th><th>Subject</th><th>Kind</th></tr></thead><tbody></tbody></table>
    <p id="count"></p>`;
  const load = async query => {
    const found = await (await fetch(`/api/tickets?q=${encodeURIComponent(query)}`)).json();
    const body = view.querySelector('tbody');
    body.replaceChildren(...found.map(ticket => {
      const row = document.createElement('tr');
      row.dataset.id = ticket.id;
      for (const value of [ticket.id, ticket.subject, ticket.kind]) {
        const cell = document.createElement('td');
        cell.textContent = value;
        row.append(cell);
      }
      row.addEventListener('click', () => go(`/tickets/${ticket.id}`));
      return row;
    }));
    view.querySelector('#count').textContent = found.length ? `1-${found.length} of ${found.length}` : 'No results';
  };
  view.querySelector('#q').addEventListener('input', debounce(event => load(event.target.value), 500));
  view.querySelector('#go').addEventListener('click', () => {
    view.querySelector('#chosen').textContent = `Chosen action: ${view.querySelector('#action').value || 'none'}`;
  });
  await load('');
}

async function ticket(id) {
  const found = await (await fetch(`/api/tickets/${id}`)).json();
  view.innerHTML = `<h1>Ticket #${found.id}</h1><p></p>`;
  view.querySelector('p').textContent = found.subject;
}

function newTicket() {
  view.innerHTML = `<h1 id="new-title">New ticket</h1>
    <form id="ticket" aria-labelledby="new-title" novalidate>
      <p><label for="subject">Subject</label> <input id="subject" name="subject"></p>
      <p><span id="kind-label">Kind</span>
        <span id="kind" role="combobox" tabindex="0" aria-labelledby="kind-label kind" aria-haspopup="listbox"
          aria-expanded="false">&#8203;</span><input type="hidden" name="kind"></p>
      <p><label for="assignee">Assignee</label> <input id="assignee" role="combobox" aria-autocomplete="list"
        aria-expanded="false" autocomplete="off"><input type="hidden" name="assignee_id"></p>
      <p><label for="status">Status</label> <select id="status" name="status">
        <option value="open">Open</option><option value="paid">Paid</option><option value="closed">Closed</option></select></p>
      <div role="radiogroup" aria-labelledby="priority-label"><span id="priority-label">Priority</span>
        <label><input type="radio" name="priority" value="low"> Low</label>
        <label><input type="radio" name="priority" value="normal" checked> Normal</label>
        <label><input type="radio" name="priority" value="high"> High</label></div>
      <p><button type="submit">Save</button> <button type="button" id="sync">Sync</button></p>
    </form>`;
  const form = view.querySelector('form');

  // Select-only combobox: opens a listbox on click; the chosen option becomes its text and value.
  const kind = view.querySelector('#kind');
  const kinds = ['Hardware', 'Software', 'Network', 'Access'];
  kind.addEventListener('click', () => {
    if (kind.getAttribute('aria-expanded') === 'true') return closeListbox('kind-listbox');
    openListbox(kind, 'kind-listbox', 'kind-label', kinds, name => {
      kind.textContent = name;
      form.elements.kind.value = name.toLowerCase();
    });
  });

  // Editable combobox with list autocomplete: asks the server a moment after the typing stops;
  // only an option picked sets the value, and what was typed without one is cleared on leaving.
  const assignee = view.querySelector('#assignee');
  let picked = '';
  const offer = debounce(async query => {
    const people = await (await fetch(`/api/people?q=${encodeURIComponent(query)}`)).json();
    if (!people.length) return closeListbox('assignee-listbox');
    openListbox(assignee, 'assignee-listbox', 'assignee', people.map(person => person.name), (name, index) => {
      assignee.value = picked = name;
      form.elements.assignee_id.value = people[index].id;
      assignee.removeAttribute('aria-controls');
    });
    assignee.setAttribute('aria-controls', 'assignee-listbox');
  }, 300);
  assignee.addEventListener('input', () => { form.elements.assignee_id.value = ''; offer(assignee.value); });
  assignee.addEventListener('blur', () => {
    if (assignee.value !== picked) { assignee.value = ''; form.elements.assignee_id.value = ''; }
    closeListbox('assignee-listbox');
  });

  view.querySelector('#sync').addEventListener('click', () => toast('Sync stopped', true));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const answer = await fetch('/api/tickets', {method: 'POST', body: JSON.stringify(Object.fromEntries(new FormData(form)))});
    toast(answer.ok ? 'Element created' : 'Server communication error');
  });
}

function render() {
  const path = location.pathname;
  const match = path.match(/^\/tickets\/(\d+)$/);
  if (match) return ticket(match[1]);
  if (path === '/new') return newTicket();
  return tickets();
}
render();
