/**
 * Keeps each log row's index keys and owner in step with its status (IntegrationLogKeys): no caller of the engine
 * sets them, so no transition can forget them.
 */
trigger IntegrationLogTrigger on Integration_Log__c(before insert, before update) {
    IntegrationLogKeys.apply(Trigger.new, Trigger.isInsert);
}
