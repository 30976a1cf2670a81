import { describe, expect, it } from 'vitest';
import type { DocBlock } from '../../domain/document/source-document.ts';
import { cleanFragment, readTxt } from './read-txt.ts';

const T = '\t';
const tables = (blocks: DocBlock[]) => blocks.filter((b) => b.kind === 'table');
const cells = (b: DocBlock) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text)) : []);

describe('cleanFragment', () => {
  it.each([
    ['<b>Цель</b>', 'Цель', true],
    ['**ПАСПОРТ**', 'ПАСПОРТ', true],
    ['<p>Первый</p> <p>Второй</p>', 'Первый\nВторой', false],
    ['<ol style="x"> <li>1. Один</li> <li>2. Два</li></ol>', '1. Один\n2. Два', false],
    ['&laquo;Кванториум&raquo; &amp; ЦППМС', '«Кванториум» & ЦППМС', false],
    ['\\_\\_\\_ С. М. Батог', '___ С. М. Батог', false],
    ['<b>1.</b> текст', '1. текст', false],
    ['<p><b>образования</b></p>', 'образования', true],
  ])('%s → %j (bold %s)', (raw, text, bold) => {
    expect(cleanFragment(raw)).toEqual({ text, bold });
  });
});

describe('readTxt', () => {
  it('reads paragraphs, markdown headings and hard-wrapped bold titles', () => {
    const d = readTxt(
      'ПРИКАЗ\n\n### **1. Цель и задачи**\n\n**ДОРОЖНАЯ КАРТА  \nна 2020-2021 учебный год**\n',
      'x.txt',
    );
    expect(d.blocks).toEqual([
      { kind: 'paragraph', text: 'ПРИКАЗ', bold: false, heading: false, source: { line: 1 } },
      { kind: 'paragraph', text: '1. Цель и задачи', bold: true, heading: true, source: { line: 3 } },
      {
        kind: 'paragraph',
        text: 'ДОРОЖНАЯ КАРТА\nна 2020-2021 учебный год',
        bold: true,
        heading: false,
        source: { line: 5 },
      },
    ]);
  });

  it('keeps a table across a page break, drops the repeated header and markdown rules', () => {
    const text = [
      `№${T}Мероприятия${T}Сроки`,
      `1.${T}Совещание${T}Январь`,
      '',
      `№${T}Мероприятия${T}Сроки${T}`,
      `2.${T}Семинар${T}Февраль`,
      `--${T}---${T}--`,
    ].join('\n');
    const [t] = tables(readTxt(text, 'x.txt').blocks);
    expect(cells(t!)).toEqual([
      ['№', 'Мероприятия', 'Сроки'],
      ['1.', 'Совещание', 'Январь'],
      ['2.', 'Семинар', 'Февраль'],
    ]);
  });

  it('merges a row continued after a page break into the row before it, cell by cell', () => {
    const text = [
      `№${T}Мероприятия${T}Сроки`,
      `20.${T}Проблемный семинар для${T}Апрель`,
      '',
      `№${T}Мероприятия${T}Сроки`,
      `${T}руководителей ЦППМС${T}2022 года`,
      `21.${T}Анализ${T}Июль`,
    ].join('\n');
    const [t] = tables(readTxt(text, 'x.txt').blocks);
    expect(cells(t!).slice(1)).toEqual([
      ['20.', 'Проблемный семинар для руководителей ЦППМС', 'Апрель 2022 года'],
      ['21.', 'Анализ', 'Июль'],
    ]);
    expect(t!.kind === 'table' && t!.rows[1]!.source).toEqual({ line: 2 });
  });

  it('treats a row starting in lower case after a page break as a continuation', () => {
    const text = [
      `Тема${T}Ответственный`,
      `«Эффективное использование${T}Бикбаева Л. А.`,
      '',
      `образовательных технологий»${T}директор`,
    ].join('\n');
    const [t] = tables(readTxt(text, 'x.txt').blocks);
    expect(cells(t!)).toEqual([
      ['Тема', 'Ответственный'],
      ['«Эффективное использование образовательных технологий»', 'Бикбаева Л. А. директор'],
    ]);
  });

  it('puts text lines that interrupt a table into the cell the next row continues (seed 001 passport)', () => {
    const text = [
      `Показатели${T}<p>Эффективность оценивается:</p>`,
      '',
      '- доля директоров;',
      '',
      '- доля учителей',
      '',
      `${T}<p>продемонстрировавших рост</p>`,
      `Сроки${T}2022 год`,
    ].join('\n');
    const [t] = tables(readTxt(text, 'x.txt').blocks);
    expect(cells(t!)).toEqual([
      ['Показатели', 'Эффективность оценивается: - доля директоров;\n- доля учителей продемонстрировавших рост'],
      ['Сроки', '2022 год'],
    ]);
  });

  it('ends a table at text that is not followed by a continuation, and keeps that text', () => {
    const text = [
      `№${T}Мероприятия${T}Сроки`,
      `1.${T}Совещание${T}Январь`,
      '',
      'Приложение 2',
      '',
      `№${T}Школа${T}Школа-тьютор`,
      `1${T}СОШ с. А${T}СОШ с. Б`,
    ].join('\n');
    const blocks = readTxt(text, 'x.txt').blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table']);
    expect(blocks[1]).toMatchObject({ text: 'Приложение 2', source: { line: 4 } });
  });

  it('strips a BOM and accepts CRLF line ends', () => {
    const d = readTxt(`\uFEFFПРИКАЗ\r\n\r\n№ 5\r\n`, 'x.txt');
    expect(d.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['ПРИКАЗ', '№ 5']);
  });
});
