import { describe, expect, it } from '@jest/globals';
import { OperationsError, toOperationsError } from './operations-client.ts';

describe('operations API errors', () => {
    it('takes the resource’s one sentence and the HTTP status from jsforce’s error', () => {
        const error = toOperationsError(
            Object.assign(new Error('{"error":"Replay needs the Relay_Replay permission."}'), {
                errorCode: 'ERROR_HTTP_403'
            })
        );
        expect(error).toBeInstanceOf(OperationsError);
        expect(error.message).toBe('Replay needs the Relay_Replay permission.');
        expect(error.statusCode).toBe(403);
        expect(error.notInstalled).toBe(false);
    });

    it('knows an org without the resource', () => {
        const error = toOperationsError(
            Object.assign(new Error('Could not find a match for URL'), { errorCode: 'NOT_FOUND' })
        );
        expect(error).toEqual(expect.objectContaining({ statusCode: 404, notInstalled: true }));
    });

    it('keeps any other message as it is', () => {
        expect(toOperationsError(new Error('socket hang up'))).toEqual(
            expect.objectContaining({ message: 'socket hang up', statusCode: undefined })
        );
        expect(toOperationsError(Object.assign(new Error('[1,2]'), { errorCode: 'ERROR_HTTP_500' })).message).toBe(
            '[1,2]'
        );
        expect(toOperationsError('text').message).toBe('text');
        expect(toOperationsError(undefined).message).toBe('undefined');
    });
});
