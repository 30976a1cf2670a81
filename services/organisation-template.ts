// The downloadable template for the organisations import: canonical headers and two example rows.
import { writeCsv } from '../adapters/csv/write-csv.ts';
import { writeXlsx } from '../adapters/xlsx/write-xlsx.ts';
import { organisationColumns } from '../domain/organisation-row.ts';

const headers = [...organisationColumns, 'address'];
const examples = [
  [
    'ДМ-01-101',
    'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 101»',
    'МБОУ СОШ № 101',
    'СОШ',
    'Городской округ Светлогорск-на-Ладе',
    'ДЕМО',
    '1',
    'ул. Школьная, д. 101',
  ],
  [
    'ДМ-02-102',
    'Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа с. Липовка»',
    'МБОУ ООШ с. Липовка',
    'ООШ',
    'Берёзовский муниципальный район',
    'ДЕМО',
    '0',
    'с. Липовка, ул. Центральная, д. 2',
  ],
];

export function organisationTemplate(format: 'csv' | 'xlsx'): Promise<Uint8Array> | Uint8Array {
  if (format === 'csv') return writeCsv(headers, examples);
  return writeXlsx([
    {
      name: 'Организации',
      headers,
      rows: examples,
      widths: [14, 60, 28, 12, 36, 14, 8, 36],
    },
  ]);
}
