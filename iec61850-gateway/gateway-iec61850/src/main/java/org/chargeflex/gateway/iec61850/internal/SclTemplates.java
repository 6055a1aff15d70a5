package org.chargeflex.gateway.iec61850.internal;

/** The fixed DataTypeTemplates section of the generated SCL. */
final class SclTemplates {
    private SclTemplates() {
    }

    static final String DATA_TYPE_TEMPLATES = """
            <DataTypeTemplates>
            <LNodeType id="CF_LLN0" lnClass="LLN0">
              <DO name="Beh" type="CF_INS"/><DO name="Health" type="CF_INS"/><DO name="NamPlt" type="CF_LPL"/>
            </LNodeType>
            <LNodeType id="CF_LPHD" lnClass="LPHD">
              <DO name="PhyNam" type="CF_DPL"/><DO name="PhyHealth" type="CF_INS"/><DO name="Proxy" type="CF_SPS"/>
            </LNodeType>
            <LNodeType id="CF_MMXU" lnClass="MMXU">
              <DO name="Beh" type="CF_INS"/><DO name="TotW" type="CF_MV"/>
              <DO name="PhV" type="CF_WYE"/><DO name="A" type="CF_WYE"/><DO name="W" type="CF_WYE"/>
            </LNodeType>
            <LNodeType id="CF_MMXU_GCP" lnClass="MMXU">
              <DO name="Beh" type="CF_INS"/><DO name="TotW" type="CF_MV"/>
            </LNodeType>
            <LNodeType id="CF_DESE_GCP" lnClass="DESE">
              <DO name="Beh" type="CF_INS"/><DO name="ChaPwrRtg" type="CF_ASG"/><DO name="ChaPwrTgt" type="CF_ASG"/>
              <DO name="ChaPwrLim" type="CF_ASG_LIM"/>
            </LNodeType>
            <LNodeType id="CF_MMTR" lnClass="MMTR">
              <DO name="Beh" type="CF_INS"/><DO name="TotWh" type="CF_BCR"/>
            </LNodeType>
            <LNodeType id="CF_DESE" lnClass="DESE">
              <DO name="Beh" type="CF_INS"/><DO name="ChaPwrRtg" type="CF_ASG"/><DO name="ChaPwrTgt" type="CF_ASG"/>
              <DO name="ChaV" type="CF_MV"/><DO name="ChaA" type="CF_MV"/><DO name="ChaPwrLim" type="CF_ASG_LIM"/>
            </LNodeType>
            <LNodeType id="CF_DEAO" lnClass="DEAO">
              <DO name="Beh" type="CF_INS"/><DO name="ConnSt" type="CF_ENS_CONN"/><DO name="PlgStAC" type="CF_SPS"/>
              <DO name="ChaAMax" type="CF_ASG"/>
            </LNodeType>
            <LNodeType id="CF_DEEV" lnClass="DEEV">
              <DO name="Beh" type="CF_INS"/><DO name="Soc" type="CF_MV"/><DO name="DptTm" type="CF_TSG"/>
              <DO name="EnAmnt" type="CF_ASG"/>
            </LNodeType>
            <DOType id="CF_INS" cdc="INS">
              <DA name="stVal" bType="INT32" fc="ST" dchg="true"/><DA name="q" bType="Quality" fc="ST" qchg="true"/>
              <DA name="t" bType="Timestamp" fc="ST"/>
            </DOType>
            <DOType id="CF_SPS" cdc="SPS">
              <DA name="stVal" bType="BOOLEAN" fc="ST" dchg="true"/><DA name="q" bType="Quality" fc="ST" qchg="true"/>
              <DA name="t" bType="Timestamp" fc="ST"/>
            </DOType>
            <DOType id="CF_ENS_CONN" cdc="ENS">
              <DA name="stVal" bType="Enum" type="CF_ConnStKind" fc="ST" dchg="true"/>
              <DA name="q" bType="Quality" fc="ST" qchg="true"/><DA name="t" bType="Timestamp" fc="ST"/>
            </DOType>
            <DOType id="CF_LPL" cdc="LPL">
              <DA name="vendor" bType="VisString255" fc="DC"/><DA name="swRev" bType="VisString255" fc="DC"/>
              <DA name="d" bType="VisString255" fc="DC"/><DA name="configRev" bType="VisString255" fc="DC"/>
            </DOType>
            <DOType id="CF_DPL" cdc="DPL">
              <DA name="vendor" bType="VisString255" fc="DC"/><DA name="model" bType="VisString255" fc="DC"/>
            </DOType>
            <DOType id="CF_MV" cdc="MV">
              <DA name="mag" type="CF_AnalogueValue" bType="Struct" fc="MX" dchg="true"/>
              <DA name="q" bType="Quality" fc="MX" qchg="true"/><DA name="t" bType="Timestamp" fc="MX"/>
            </DOType>
            <DOType id="CF_CMV" cdc="CMV">
              <DA name="cVal" type="CF_Vector" bType="Struct" fc="MX" dchg="true"/>
              <DA name="q" bType="Quality" fc="MX" qchg="true"/><DA name="t" bType="Timestamp" fc="MX"/>
            </DOType>
            <DOType id="CF_WYE" cdc="WYE">
              <SDO name="phsA" type="CF_CMV"/><SDO name="phsB" type="CF_CMV"/><SDO name="phsC" type="CF_CMV"/>
            </DOType>
            <DOType id="CF_BCR" cdc="BCR">
              <DA name="actVal" bType="INT64" fc="ST" dchg="true"/><DA name="q" bType="Quality" fc="ST" qchg="true"/>
              <DA name="t" bType="Timestamp" fc="ST"/>
            </DOType>
            <DOType id="CF_ASG" cdc="ASG">
              <DA name="setMag" type="CF_AnalogueValue" bType="Struct" fc="SP" dchg="true"/>
            </DOType>
            <DOType id="CF_ASG_LIM" cdc="ASG">
              <DA name="setMag" type="CF_AnalogueValue" bType="Struct" fc="SP" dchg="true"/>
              <DA name="minVal" type="CF_AnalogueValue" bType="Struct" fc="CF"/>
              <DA name="maxVal" type="CF_AnalogueValue" bType="Struct" fc="CF"/>
            </DOType>
            <DOType id="CF_TSG" cdc="TSG">
              <DA name="setTm" bType="Timestamp" fc="SP" dchg="true"/>
            </DOType>
            <DAType id="CF_AnalogueValue"><BDA name="f" bType="FLOAT32"/></DAType>
            <DAType id="CF_Vector"><BDA name="mag" type="CF_AnalogueValue" bType="Struct"/></DAType>
            <EnumType id="CF_ConnStKind">
              <EnumVal ord="1">A</EnumVal><EnumVal ord="2">B</EnumVal><EnumVal ord="3">C</EnumVal>
              <EnumVal ord="4">D</EnumVal><EnumVal ord="5">E</EnumVal><EnumVal ord="6">F</EnumVal>
            </EnumType>
            </DataTypeTemplates>
            """;
}
