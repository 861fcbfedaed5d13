-- GSMA SGP.02 §2.4.4 POL1 of the profile in each ISD-P, as a bit set (see io.openrsp.euicc.card.Pol1).
ALTER TABLE isdp ADD COLUMN pol1 INTEGER DEFAULT 0 NOT NULL;
