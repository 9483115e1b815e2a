// @salesforce/i18n/* (the running user's locale settings): the modules Relay's components read. The wildcard keeps a
// later exact declaration of one of these names free of conflicts.

declare module '@salesforce/i18n/*' {
    /** The user's setting, for example locale "en-US" or timeZone "America/Los_Angeles". */
    const value: string;
    export default value;
}
