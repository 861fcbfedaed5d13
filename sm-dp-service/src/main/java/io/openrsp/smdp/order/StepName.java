package io.openrsp.smdp.order;

/**
 * DESIGN.md §4: the five steps of a provisioning order, in execution order, named as there. Step 1 is the ES1
 * registration the EUM made earlier; the SM-DP checks it with ES3 GetEIS (and keeps the EIS for step 3).
 */
public enum StepName {
    /** ES3 GetEIS: the eUICC is registered at the SM-SR; its EIS carries the ECASD certificate for step 3. */
    EUICC_REGISTRATION,
    /** ES3 CreateISDP: the SM-SR creates the ISD-P that will hold the profile. */
    ISDP_CREATION,
    /** ES8 over ES3 SendData: key establishment with the ISD-P (GP Amendment E scenario #3). */
    KEY_ESTABLISHMENT,
    /** ES8 SCP03t over ES3 SendData, then ES3 ProfileDownloadCompleted. */
    PROFILE_DOWNLOAD,
    /** ES3 EnableProfile, when the operator asked for it. */
    PROFILE_ENABLING
}
