// lightning/uiRecordApi: notifyRecordUpdateAvailable is recorded as a call; getRecord answers from the fixture
// `uiRecordApi.getRecord` like an Apex wire.
import { apexMethod } from './apex.ts';

const notify = apexMethod('uiRecordApi.notifyRecordUpdateAvailable');

export const getRecord = apexMethod('uiRecordApi.getRecord').adapter;

export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<unknown> {
    return notify({ items }).catch(() => undefined);
}

export function getFieldValue(record: { fields?: Record<string, { value: unknown }> }, field: unknown): unknown {
    const name = typeof field === 'string' ? field : (field as { fieldApiName?: string }).fieldApiName;
    const key =
        String(name ?? '')
            .split('.')
            .pop() ?? '';
    return record?.fields?.[key]?.value;
}
