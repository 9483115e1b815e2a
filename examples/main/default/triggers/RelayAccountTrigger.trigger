// After-triggers: the records have Ids (also on insert), and the outbox rows are written in the same
// transaction as the change, so they commit or roll back with it. Undelete is sent as an upsert.
trigger RelayAccountTrigger on Account(after insert, after update, after delete, after undelete) {
    IntegrationCapture.fromTrigger();
}
