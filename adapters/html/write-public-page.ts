// The public pages of a programme as server-rendered HTML: the page for parents and press, the compact widget a
// school puts into an <iframe> on its website, and the «not found» page. Readable without JavaScript, on a phone
// and in print; every piece of text comes from the published shapes (contract/public.ts) and is escaped here, so
// an activity's wording can never become markup. Styles are inline in <style>: the app's CSP allows inline styles
// and nothing else has to be served.
import { escapeUTF8 } from 'entities';
import type {
  PublicActivityDto,
  PublicFiguresDto,
  PublicProgrammeDto,
  PublicSchoolWidgetDto,
} from '../../contract/public.ts';
import { formatPercent } from '../../domain/identification/methodology.ts';
import { plural } from '../../domain/plural.ts';
import { ruDate } from '../docx/write-programme.ts';

/** Text as HTML: `&`, `<`, `>`, `"` and `'` escaped, so it is safe in element content and quoted attributes. */
const h = (text: string): string => escapeUTF8(text);

const NBSP = '\u00a0';
/** «План-график» in a heading: the kind is stored as a word is written inside a sentence. */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** «36,7 %» with a non-breaking space, «—» when there is nothing to execute. */
const percentText = (value: number | null): string => (value === null ? '—' : `${formatPercent(value)}${NBSP}%`);
/** A value as Russian text writes it: «95», «12,5». */
const numberText = (value: number): string => formatPercent(value);

// After «из» Russian takes the genitive: «из 1 мероприятия», «из 2 мероприятий», «из 21 школы».
const activitiesWord = (n: number) => plural(n, ['мероприятия', 'мероприятий', 'мероприятий']);
const executorWords = {
  schools: ['школы', 'школ', 'школ'],
  municipalities: ['муниципалитета', 'муниципалитетов', 'муниципалитетов'],
} as const;

const styles = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"PT Sans",Arial,sans-serif;color:#1a1b1e;background:#f6f7f9}
.page{max-width:980px;margin:0 auto;padding:16px}
header.top,section.block{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:16px 20px;margin:0 0 16px}
h1{font-size:1.5rem;line-height:1.3;margin:.25rem 0 .75rem}
h2{font-size:1.25rem;margin:0 0 .75rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
p{margin:.25rem 0}
.kicker{color:#5c5f66;font-size:.9rem}
.asof{color:#5c5f66;font-size:.9rem;margin-top:.75rem}
.percent{font-size:2.25rem;font-weight:700;line-height:1.1}
.bar{height:12px;background:#e9ecef;border-radius:6px;overflow:hidden;margin:.5rem 0}
.bar>span{display:block;height:100%;background:#2f9e44}
.parts{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;color:#373a40}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #e3e5e8}
th{background:#f1f3f5;font-weight:600}
td.text{white-space:pre-line}
.status{display:inline-block;padding:0 .5rem;border-radius:4px;font-size:.85rem;white-space:nowrap;background:#e9ecef}
.status.done{background:#d3f9d8;color:#1b5e20}
.status.in_progress{background:#d0ebff;color:#0b4f8a}
.status.cancelled{background:#f1f3f5;color:#5c5f66}
.overdue{display:inline-block;padding:0 .5rem;border-radius:4px;font-size:.85rem;background:#ffe3e3;color:#a51111;margin-top:.25rem}
.muted{color:#5c5f66;font-size:.9rem}
footer{color:#5c5f66;font-size:.85rem;padding:0 4px 24px}
a{color:#1c5fb8}
@media (max-width:640px){
  .page{padding:8px}
  header.top,section.block{padding:12px}
  h1{font-size:1.25rem}
  table,thead,tbody,tr,th,td{display:block}
  thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  tr{border-bottom:1px solid #e3e5e8;padding:.5rem 0}
  td{border:0;padding:.15rem 0}
  td[data-label]::before{content:attr(data-label) ": ";color:#5c5f66}
}
@media print{body{background:#fff}header.top,section.block{border:0;padding:0}.bar{border:1px solid #999}}
`;

function htmlDocument(title: string, body: string, extraStyles = ''): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${styles}${extraStyles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function progressBar(percent: number | null, label: string): string {
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return `<div class="bar" role="img" aria-label="${h(label)}"><span style="width:${width.toFixed(1)}%"></span></div>`;
}

/** «Выполнено 11 из 30 мероприятий (отменено 2)». */
function doneOfText(f: PublicFiguresDto): string {
  const executable = f.total - f.cancelled;
  const cancelled = f.cancelled > 0 ? ` (отменено ${f.cancelled})` : '';
  return `Выполнено ${f.done} из ${executable} ${activitiesWord(executable)}${cancelled}`;
}

function figuresBlock(f: PublicFiguresDto): string {
  const label = `Исполнение: ${percentText(f.percent)}`;
  return `<p class="percent">${h(percentText(f.percent))}</p>
${progressBar(f.percent, label)}
<p>${h(doneOfText(f))}</p>
<ul class="parts">
<li>Выполняется: ${f.inProgress}</li>
<li>Запланировано: ${f.planned}</li>
<li>Просрочено: ${f.overdue}</li>
</ul>`;
}

function statusCell(a: PublicActivityDto): string {
  const executors = a.executors
    ? `<br><span class="muted">исполнено ${a.executors.done} из ${a.executors.total} ${h(
        plural(a.executors.total, executorWords[a.executors.kind]),
      )}</span>`
    : '';
  const overdue = a.overdue ? '<br><span class="overdue">Срок прошёл</span>' : '';
  return `<span class="status ${h(a.status)}">${h(a.statusText)}</span>${executors}${overdue}`;
}

function activityRows(activities: readonly PublicActivityDto[]): string {
  return activities
    .map(
      (a) => `<tr>
<td data-label="№">${h(a.number)}</td>
<td class="text" data-label="Мероприятие">${h(a.text)}</td>
<td data-label="Срок">${h(a.deadlineText) || '—'}</td>
<td data-label="Статус">${statusCell(a)}</td>
</tr>`,
    )
    .join('\n');
}

const activityTable = (activities: readonly PublicActivityDto[]): string => `<table>
<thead><tr><th scope="col">№</th><th scope="col">Мероприятие</th><th scope="col">Срок</th><th scope="col">Статус</th></tr></thead>
<tbody>
${activityRows(activities)}
</tbody>
</table>`;

/** «приказом Министерства образования от 30.12.2021 № 3872». */
function actText(act: NonNullable<PublicProgrammeDto['act']>): string {
  const kind = act.kind.trim().toLowerCase() || 'приказ';
  const instrumental: Record<string, string> = {
    приказ: 'приказом',
    распоряжение: 'распоряжением',
    постановление: 'постановлением',
  };
  return [
    `Утверждена ${instrumental[kind] ?? kind}`,
    act.authority,
    act.date ? `от ${ruDate(act.date)}` : '',
    act.number ? `№ ${act.number}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function indicatorsBlock(p: PublicProgrammeDto): string {
  if (p.indicators.length === 0) return '';
  const rows = p.indicators.flatMap((i) =>
    (i.targets.length > 0 ? i.targets : [null]).map(
      (t) => `<tr>
<td data-label="№">${h(i.number)}</td>
<td class="text" data-label="Показатель">${h(i.name)}${i.unit ? `, ${h(i.unit)}` : ''}</td>
<td data-label="Базовое значение">${h(i.baseline) || '—'}</td>
<td data-label="Период">${t ? h(t.period) : '—'}</td>
<td data-label="Целевое значение">${t ? h(t.value) : '—'}</td>
<td data-label="Фактическое значение">${t && t.actual !== null ? h(numberText(t.actual)) : '—'}</td>
<td data-label="Оценка">${t ? h(t.statusText) : '—'}</td>
</tr>`,
    ),
  );
  return `<section class="block" aria-labelledby="indicators">
<h2 id="indicators">Целевые показатели</h2>
<table>
<thead><tr><th scope="col">№</th><th scope="col">Показатель</th><th scope="col">Базовое значение</th><th scope="col">Период</th><th scope="col">Целевое значение</th><th scope="col">Фактическое значение</th><th scope="col">Оценка</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function roundResult(r: PublicProgrammeDto['rounds'][number]): string {
  if (r.upcoming) return 'Предстоит';
  const parts = [percentText(r.executionPercent)];
  if (r.done !== null && r.executable !== null) parts.push(`(${r.done} из ${r.executable})`);
  if (r.meetsThreshold !== null && r.thresholdText)
    parts.push(r.meetsThreshold ? '— порог достигнут' : '— ниже порога');
  if (r.frozen) parts.push('— итоги зафиксированы');
  return parts.join(' ');
}

function roundsBlock(p: PublicProgrammeDto): string {
  if (p.rounds.length === 0) return '';
  const rows = p.rounds.map(
    (r) => `<tr>
<td data-label="Дата">${h(ruDate(r.date))}</td>
<td class="text" data-label="Мониторинг">${h(r.title) || 'Мониторинг исполнения'}</td>
<td data-label="Пороговое значение">${h(r.thresholdText) || '—'}</td>
<td data-label="Исполнение">${h(roundResult(r))}</td>
</tr>`,
  );
  return `<section class="block" aria-labelledby="rounds">
<h2 id="rounds">Мониторинг исполнения</h2>
<table>
<thead><tr><th scope="col">Дата</th><th scope="col">Мониторинг</th><th scope="col">Пороговое значение</th><th scope="col">Исполнение</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** The public page of a programme. */
export function writePublicProgrammePage(p: PublicProgrammeDto): string {
  const period = `${ruDate(p.period.start)} – ${ruDate(p.period.end)}`;
  const sections = p.sections
    .map(
      (s) => `<h3>${h([s.number, s.title].filter(Boolean).join(' ')) || 'Мероприятия'}</h3>
${activityTable(s.activities)}`,
    )
    .join('\n');
  const body = `<div class="page">
<header class="top">
<p class="kicker">${h(capitalised(p.kind))} · ${h(p.territoryName)}</p>
<h1>${h(p.title)}</h1>
${p.act ? `<p>${h(actText(p.act))}</p>` : ''}
<p>Период реализации: ${h(p.periodText && p.periodText !== period ? `${p.periodText} (${period})` : period)}</p>
<p>Статус: ${h(p.statusText)}</p>
<p class="asof">Данные на ${h(ruDate(p.today))}</p>
</header>
<main>
<section class="block" aria-labelledby="progress">
<h2 id="progress">Ход исполнения</h2>
${figuresBlock(p.figures)}
<p class="muted">Исполнение — доля выполненных мероприятий среди всех, кроме отменённых.</p>
</section>
<section class="block" aria-labelledby="activities">
<h2 id="activities">Мероприятия</h2>
${sections || '<p class="muted">Мероприятий нет.</p>'}
</section>
${indicatorsBlock(p)}
${roundsBlock(p)}
</main>
<footer>Сведения опубликованы органом, утвердившим программу, в информационной системе «Опора». Персональные данные не публикуются.</footer>
</div>`;
  return htmlDocument(p.title, body);
}

const widgetStyles = `
body{background:#fff;font-size:15px}
.page{padding:12px;max-width:none}
h1{font-size:1.05rem;margin:0 0 .25rem}
.school{font-weight:600;margin:0}
.percent{font-size:1.75rem}
ul.activities{list-style:none;padding:0;margin:.75rem 0 0}
ul.activities li{padding:.4rem 0;border-top:1px solid #e3e5e8}
ul.activities .text{display:block}
`;

/** The compact widget of a school's share, for an <iframe> on the school's website. */
export function writeSchoolWidget(w: PublicSchoolWidgetDto, o: { pageUrl: string }): string {
  const items = w.activities
    .map(
      (a) => `<li><span class="text">${h([a.number, a.text].filter(Boolean).join(' '))}</span>
<span class="muted">Срок: ${h(a.deadlineText) || '—'}</span> ${statusCell(a)}</li>`,
    )
    .join('\n');
  const body = `<div class="page">
<p class="school">${h(w.school.name)}</p>
<h1>${h(w.programmeTitle)}</h1>
<p class="percent">${h(percentText(w.figures.percent))}</p>
${progressBar(w.figures.percent, `Исполнение школой: ${percentText(w.figures.percent)}`)}
<p>${h(doneOfText(w.figures))}</p>
<ul class="activities">
${items}
</ul>
<p class="asof">Данные на ${h(ruDate(w.today))}. <a href="${h(o.pageUrl)}" target="_blank" rel="noopener">Вся программа</a></p>
</div>`;
  return htmlDocument(`${w.school.name}: ${w.programmeTitle}`, body, widgetStyles);
}

/** What a visitor sees for a programme that is not published (or does not exist: the two are not told apart). */
export function writeNotFoundPage(message: string): string {
  const body = `<div class="page">
<header class="top">
<h1>Страница не найдена</h1>
<p>${h(message)}</p>
</header>
</div>`;
  return htmlDocument('Страница не найдена', body);
}
