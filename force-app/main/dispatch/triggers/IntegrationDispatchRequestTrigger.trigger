/**
 * Starts the dispatcher chains the requests name. Runs as the user set in the PlatformEventSubscriberConfig
 * for this trigger: the integration user, who holds the External Credential access, so the dispatcher's
 * callouts and source reads run with that user's permissions.
 */
trigger IntegrationDispatchRequestTrigger on Integration_Dispatch_Request__e(after insert) {
    IntegrationDispatcher.startRequested(Trigger.new);
}
