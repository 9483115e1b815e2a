// Sends relay.ack.v1 acknowledgements (wire contract §7) to Salesforce after the receiver processed changes:
// queued in memory, sent in batches of at most 200 every interval, after the answer to the request (an
// acknowledgement never arrives before the answer it confirms), and once more at shutdown.

export interface Acknowledgement {
    idempotencyKey: string;
    outcome: 'processed' | 'failed';
    externalId?: string;
    message?: string;
    processedAt: string;
}

export interface AcknowledgementOptions {
    /** e.g. https://<my-domain>.my.salesforce.com/services/apexrest/relay/v1/acknowledgements */
    url: string;
    /** Bearer token (a Salesforce access token) sent as Authorization. */
    token?: string;
    intervalMs?: number;
    /** Failed batches are kept and sent again this many times before they are dropped (and logged). */
    maxTries?: number;
    log?: (line: string) => void;
    fetch?: typeof fetch;
}

export const ACK_BATCH_LIMIT = 200;

export class AcknowledgementSender {
    private readonly queue: { entry: Acknowledgement; tries: number }[] = [];
    private readonly timer: NodeJS.Timeout;
    private readonly options: Required<Omit<AcknowledgementOptions, 'token'>> & { token?: string };
    private flushing: Promise<void> | undefined;
    sent = 0;
    dropped = 0;

    constructor(options: AcknowledgementOptions) {
        this.options = {
            ...options,
            intervalMs: options.intervalMs ?? 1000,
            maxTries: options.maxTries ?? 5,
            log: options.log ?? (() => undefined),
            fetch: options.fetch ?? globalThis.fetch
        };
        this.timer = setInterval(() => void this.flush(), this.options.intervalMs);
        this.timer.unref();
    }

    enqueue(entries: readonly Acknowledgement[]): void {
        for (const entry of entries) {
            this.queue.push({ entry, tries: 0 });
        }
    }

    get pending(): number {
        return this.queue.length;
    }

    /** Sends everything queued, one batch after another; one flush at a time. */
    flush(): Promise<void> {
        this.flushing ??= this.drain().finally(() => {
            this.flushing = undefined;
        });
        return this.flushing;
    }

    /** Stops the timer and sends what is left, trying a failed batch again up to its remaining tries. */
    async stop(): Promise<void> {
        clearInterval(this.timer);
        await this.flushing;
        // Each failed batch loses one try, so this ends within maxTries rounds.
        for (let round = 0; round < this.options.maxTries && this.queue.length > 0; round++) {
            await this.flush();
        }
    }

    private async drain(): Promise<void> {
        while (this.queue.length > 0) {
            const batch = this.queue.splice(0, ACK_BATCH_LIMIT);
            const ok = await this.send(batch.map((item) => item.entry));
            if (ok) {
                this.sent += batch.length;
                continue;
            }
            const kept = batch.filter((item) => ++item.tries < this.options.maxTries);
            this.dropped += batch.length - kept.length;
            this.queue.unshift(...kept);
            return;
        }
    }

    private async send(acknowledgements: Acknowledgement[]): Promise<boolean> {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (this.options.token) {
            headers.Authorization = `Bearer ${this.options.token}`;
        }
        try {
            const response = await this.options.fetch(this.options.url, {
                method: 'POST',
                headers,
                body: JSON.stringify({ schema: 'relay.ack.v1', acknowledgements })
            });
            await response.arrayBuffer();
            if (!response.ok) {
                this.options.log(`acknowledgements: ${this.options.url} answered ${response.status}`);
            }
            return response.ok;
        } catch (error) {
            this.options.log(`acknowledgements: ${error instanceof Error ? error.message : String(error)}`);
            return false;
        }
    }
}
