// lightning/platformShowToastEvent: the event a component dispatches; the preview's host (bootstrap.ts) catches it
// and shows the real lightning/toast, as Lightning Experience shows its own.
export interface ShowToastEventInit {
    title?: string;
    message: string;
    variant?: string;
    mode?: string;
    messageData?: unknown[];
}

/** Marks the events of this stub, so the host tells them from lightning/toast's own event of the same name. */
export const PLATFORM_TOAST = Symbol('relayPlatformToast');

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    readonly [PLATFORM_TOAST] = true;

    constructor(init: ShowToastEventInit) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: init });
    }
}
