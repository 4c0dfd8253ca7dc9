-- One database per service (ADR 0001); `python -m services migrate` also creates them if missing.
CREATE DATABASE safetynet_intake;
CREATE DATABASE safetynet_verification;
CREATE DATABASE safetynet_payments;
CREATE DATABASE safetynet_supervision;
