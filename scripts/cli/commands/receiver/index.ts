import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { receiverMessages as messages } from '../../messages/receiver.ts';
import { ReferenceReceiver } from '../../../receiver/server.ts';
import { FaultSpecError, parseFaultSpec } from '../../../receiver/faults.ts';
import type { FaultSpec } from '../../../receiver/faults.ts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface ReceiverResult {
    url: string;
    database: string;
    answered: Record<string, number>;
}

/**
 * Resolves on the first SIGINT or SIGTERM; a seam so tests can stop the command. SfCommand's own handlers (which
 * exit at once with 130) are taken off first: the receiver shuts down gracefully instead.
 */
export function untilStopped(): Promise<string> {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    for (const signal of signals) {
        for (const listener of process.listeners(signal)) {
            process.off(signal, listener);
        }
    }
    return new Promise((resolve) => {
        const handlers = signals.map((signal) => {
            const handler = () => {
                signals.forEach((other, index) => process.off(other, handlers[index]));
                resolve(signal);
            };
            process.on(signal, handler);
            return handler;
        });
    });
}

export default class Receiver extends RelayCommand<ReceiverResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        port: Flags.integer({
            char: 'p',
            summary: messages.getMessage('flags.port.summary'),
            default: 8787,
            min: 0,
            max: 65535
        }),
        host: Flags.string({ summary: messages.getMessage('flags.host.summary'), default: '127.0.0.1' }),
        token: Flags.string({ summary: messages.getMessage('flags.token.summary'), env: 'RELAY_RECEIVER_TOKEN' }),
        faults: Flags.string({ summary: messages.getMessage('flags.faults.summary') }),
        seed: Flags.integer({ summary: messages.getMessage('flags.seed.summary') }),
        database: Flags.string({
            summary: messages.getMessage('flags.database.summary'),
            default: '.relay/receiver.db'
        }),
        'key-retention-days': Flags.integer({
            summary: messages.getMessage('flags.key-retention-days.summary'),
            default: 30,
            min: 1
        }),
        synchronous: Flags.option({
            summary: messages.getMessage('flags.synchronous.summary'),
            options: ['FULL', 'NORMAL'] as const,
            default: 'FULL'
        })(),
        cloudevents: Flags.option({
            summary: messages.getMessage('flags.cloudevents.summary'),
            options: ['on', 'off'] as const,
            default: 'on'
        })(),
        'reconciliation-path': Flags.string({ summary: messages.getMessage('flags.reconciliation-path.summary') }),
        'ack-url': Flags.url({ summary: messages.getMessage('flags.ack-url.summary') }),
        'ack-token': Flags.string({ summary: messages.getMessage('flags.ack-token.summary'), env: 'RELAY_ACK_TOKEN' })
    };

    /** Replaced in tests. */
    public static stopSignal: () => Promise<string> = untilStopped;

    public async run(): Promise<ReceiverResult> {
        const { flags } = await this.parse(Receiver);
        let faults: FaultSpec;
        try {
            faults = parseFaultSpec(flags.faults);
        } catch (error) {
            if (error instanceof FaultSpecError) {
                throw Object.assign(messages.createError('error.faults', [error.message]), { oclif: { exit: 2 } });
            }
            throw error;
        }
        if (flags.database !== ':memory:') {
            mkdirSync(path.dirname(path.resolve(flags.database)), { recursive: true });
        }
        const receiver = new ReferenceReceiver({
            port: flags.port,
            host: flags.host,
            token: flags.token,
            faults,
            seed: flags.seed,
            databaseFile: flags.database,
            synchronous: flags.synchronous,
            keyRetentionDays: flags['key-retention-days'],
            cloudEvents: flags.cloudevents === 'on',
            reconciliationPath: flags['reconciliation-path'],
            acknowledgements: flags['ack-url']
                ? { url: flags['ack-url'].toString(), token: flags['ack-token'] }
                : undefined,
            log: (line) => this.log(line)
        });
        const stopped = Receiver.stopSignal();
        let url: string;
        try {
            url = await receiver.start();
        } catch (error) {
            await receiver.stop();
            throw messages.createError('error.listen', [
                flags.host,
                flags.port,
                error instanceof Error ? error.message : String(error)
            ]);
        }
        this.log(
            messages.getMessage('listening', [
                url,
                flags.database,
                receiver.store.synchronous,
                flags.faults ? messages.getMessage('faults', [flags.faults]) : ''
            ])
        );
        await stopped;
        this.log(messages.getMessage('stopping'));
        await receiver.stop();
        const answered = Object.fromEntries([...receiver.answered].map(([status, count]) => [String(status), count]));
        const total = Object.values(answered).reduce((sum, count) => sum + count, 0);
        this.log(
            messages.getMessage('stopped', [
                total,
                Object.entries(answered)
                    .map(([status, count]) => `${count}× ${status}`)
                    .join(', ') || 'none'
            ])
        );
        return { url, database: flags.database, answered };
    }
}
