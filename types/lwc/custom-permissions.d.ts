// The custom permissions components read to hide actions a user cannot take (the Apex methods check them again).
// `@salesforce/customPermission/<DeveloperName>` is true when the running user holds the permission.

declare module '@salesforce/customPermission/Relay_Replay_Logs' {
    /** Relay_Replay_Logs: replay log rows (replayLogs, replayMatching). */
    const hasPermission: boolean;
    export default hasPermission;
}

declare module '@salesforce/customPermission/Relay_Cancel_Logs' {
    /** Relay_Cancel_Logs: cancel log rows (cancelLogs, cancelMatching). */
    const hasPermission: boolean;
    export default hasPermission;
}
