/** The editing dialogs' look, added to the page once (kept here so styles.css stays the viewer's). */
const CSS = `
.edit-dialog { width: min(44rem, 96vw); max-height: 92vh; border: 1px solid var(--line, #ccc); border-radius: 8px; padding: 0 1.25rem 1rem; box-shadow: 0 12px 40px rgba(0,0,0,.25); }
.edit-dialog::backdrop { background: rgba(20, 30, 40, .35); }
.edit-dialog > header { display: flex; align-items: center; justify-content: space-between; position: sticky; top: 0; background: #fff; z-index: 1; }
.edit-dialog h2 { font-size: 1.15rem; margin: .9rem 0 .5rem; }
.edit-dialog .close { font-size: 1.4rem; background: none; border: none; cursor: pointer; }
.edit-form .field { margin: .55rem 0; }
.edit-form label { display: block; font-weight: 600; font-size: .9rem; margin-bottom: .2rem; }
.edit-form input[type=text], .edit-form input[type=url], .edit-form select, .edit-form textarea { width: 100%; box-sizing: border-box; padding: .4rem .5rem; border: 1px solid #9aa5b1; border-radius: 4px; font: inherit; }
.edit-form .row.two { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
.edit-form .field.invalid input, .edit-form .field.invalid textarea, .edit-form .field.invalid select { border-color: #c92a2a; outline: 2px solid rgba(201,42,42,.25); }
.edit-form .field-error { color: #c92a2a; font-size: .85rem; margin: .2rem 0 0; }
.edit-form .field-error::before { content: "⚠ "; }
.edit-form .field-hint { color: #52606d; font-size: .8rem; margin: .2rem 0 0; }
.edit-form .req { color: #c92a2a; }
.edit-form .form-error { color: #fff; background: #c92a2a; padding: .45rem .6rem; border-radius: 4px; }
.edit-form .form-actions { display: flex; gap: .5rem; margin-top: .9rem; }
.edit-form button.primary, .edit-dialog button.primary { background: #1864ab; color: #fff; border: 1px solid #1864ab; border-radius: 4px; padding: .45rem 1rem; font-weight: 600; }
.edit-form.busy { opacity: .75; cursor: progress; }
button.danger { background: #c92a2a; color: #fff; border: 1px solid #c92a2a; border-radius: 4px; padding: .35rem .8rem; }
.edit-form :focus-visible, .edit-dialog :focus-visible, .editing :focus-visible { outline: 3px solid #ffa94d; outline-offset: 1px; }
.edit-picker { position: relative; }
.edit-picker-list { position: absolute; left: 0; right: 0; z-index: 5; background: #fff; border: 1px solid #9aa5b1; list-style: none; margin: 0; padding: 0; max-height: 14rem; overflow: auto; }
.edit-picker-list li { padding: .3rem .5rem; cursor: pointer; display: flex; justify-content: space-between; gap: .5rem; }
.edit-picker-list li[aria-selected=true] { background: #d0ebff; }
.edit-picker-list li.create { font-style: italic; border-top: 1px dashed #ccc; }
.edit-chips { display: flex; flex-wrap: wrap; gap: .3rem; list-style: none; padding: 0; margin: 0 0 .3rem; }
.edit-chips .chip { background: #e7f5ff; border-radius: 999px; padding: .1rem .2rem .1rem .6rem; display: inline-flex; align-items: center; gap: .2rem; }
.edit-chips .chip.new { background: #fff3bf; }
.chip-remove { border: none; background: none; cursor: pointer; font-size: 1rem; line-height: 1; padding: 0 .3rem; }
.participant-rows { list-style: none; padding: 0; margin: .4rem 0 0; max-height: 16rem; overflow: auto; border: 1px solid #e4e7eb; border-radius: 4px; }
.participant-rows li { display: grid; grid-template-columns: 1fr auto auto auto; gap: .4rem; align-items: center; padding: .2rem .4rem; border-bottom: 1px solid #f0f2f4; }
.participant-rows li.new { grid-template-columns: 1fr auto auto auto auto; background: #fffbea; }
.participant-rows li .meta { color: #8d6e00; font-size: .8rem; }
.participant-rows select { width: auto; padding: .15rem; }
.attendance textarea { margin-bottom: .3rem; }
.pending-row { background: #fff4e6; border: 1px solid #ffc078; border-radius: 4px; padding: .3rem .5rem; margin: .3rem 0; }
.pending-row p { margin: 0 0 .3rem; }
.pending-row .row { display: flex; flex-wrap: wrap; gap: .4rem; }
.duplicates { background: #fff4e6; border-left: 4px solid #f08c00; padding: .3rem .6rem; margin-top: .3rem; }
.duplicates:empty { display: none; }
.duplicates p, .duplicates ul { margin: .2rem 0; }
.edit-form.conflict label, .conflict td label { display: inline; font-weight: normal; }
.edit-form.conflict fieldset label { display: block; margin: .2rem 0; }
.conflict table { border-collapse: collapse; width: 100%; }
.conflict th, .conflict td { border: 1px solid #d9dde2; padding: .35rem .5rem; text-align: left; vertical-align: top; }
.conflict td.theirs { background: #f1f3f5; }
.conflict td.mine { background: #e7f5ff; }
.editing .row { display: flex; gap: .5rem; flex-wrap: wrap; }
.collab-edit-list .list { list-style: none; padding: 0; margin: .2rem 0; }
.collab-edit-list .list li { gap: .1rem; padding: .3rem 0; border-bottom: 1px solid #f0f2f4; text-align: left; }
.collab-edit-list .collab-name { overflow-wrap: anywhere; }
.collab-edit-list .collab-name .meta { color: #52606d; font-size: .85rem; white-space: nowrap; }
.collab-edit-list .collab-actions { display: flex; gap: .9rem; }
.history-list { padding-left: 1.1rem; font-size: .85rem; }
.history-list .changes { padding-left: 1rem; margin: .1rem 0 .3rem; }
.edit-announce { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); background: #2b8a3e; color: #fff; padding: .5rem 1rem; border-radius: 6px; z-index: 50; }
.edit-tools { display: flex; flex-direction: column; gap: .35rem; margin: .6rem 0; }
.edit-tools button { font-weight: 600; }
.edit-tools .hint { font-size: .75rem; color: #52606d; margin: 0; }
`;

export function addEditStyles(): void {
  if (document.getElementById('edit-styles')) return;
  const style = document.createElement('style');
  style.id = 'edit-styles';
  style.textContent = CSS;
  document.head.append(style);
}
