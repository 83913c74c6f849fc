-- Issue 22: delivery conditions. A submit's DeliveryCondition (DC values, "1,2") and what a subscriber's terminal
-- meets of them (null: no known limit).
ALTER TABLE mm7_message ADD COLUMN delivery_conditions VARCHAR(64);
ALTER TABLE mm7_subscriber ADD COLUMN conditions_met VARCHAR(64);
-- the MM status of a report's charging record can be DeliveryConditionNotMet (23 characters)
ALTER TABLE mm7_charging_event ALTER COLUMN mm_status SET DATA TYPE VARCHAR(24);
