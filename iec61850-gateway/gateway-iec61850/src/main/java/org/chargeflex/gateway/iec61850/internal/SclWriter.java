package org.chargeflex.gateway.iec61850.internal;

import java.util.List;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.StationInfo;

/**
 * Generates the SCL (ICD) of the served model from the station registry: one logical device per station with LLN0
 * (a data set and an unbuffered report control block), LPHD1, MMXU1, MMTR1, DESE1, and DEAO&lt;n&gt; and DEEV&lt;n&gt;
 * per outlet n (IEC 61850-7-420 / IEC TR 61850-90-8), and one per grid connection point with LLN0, LPHD1, MMXU1
 * (TotW) and DESE1 (ChaPwrRtg, ChaPwrTgt, ChaPwrLim). See docs/grid-gateway.md.
 */
public final class SclWriter {
    private final String iedName;

    public SclWriter(String iedName) {
        this.iedName = iedName;
    }

    public String write(List<StationInfo> stations, LdNames names) {
        return write(stations, List.of(), names);
    }

    /** The SCL with a logical device per station and per grid connection point. */
    public String write(List<StationInfo> stations, List<GridConnectionPointInfo> gcps, LdNames names) {
        StringBuilder x = new StringBuilder(16_384);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<SCL xmlns=\"http://www.iec.ch/61850/2003/SCL\">\n")
                .append("<Header id=\"chargeflex-grid-gateway\" nameStructure=\"IEDName\"/>\n")
                .append("<IED name=\"").append(iedName).append("\"><AccessPoint name=\"AP1\"><Server>")
                .append("<Authentication/>\n");
        for (StationInfo s : stations) {
            logicalDevice(x, s, names.inst(s.id()));
        }
        for (GridConnectionPointInfo g : gcps) {
            gridConnectionPoint(x, g, names.inst(CurtailmentTarget.gridConnectionPoint(g.id())));
        }
        x.append("</Server></AccessPoint></IED>\n");
        x.append(SclTemplates.DATA_TYPE_TEMPLATES);
        x.append("</SCL>\n");
        return x.toString();
    }

    private static void logicalDevice(StringBuilder x, StationInfo s, String inst) {
        x.append("<LDevice inst=\"").append(inst).append("\" desc=\"").append(xml(s.name())).append("\">\n");
        x.append("<LN0 lnClass=\"LLN0\" lnType=\"CF_LLN0\" inst=\"\">\n<DataSet name=\"Meas\">\n");
        fcda(x, inst, "MMXU", "1", "TotW", "MX");
        fcda(x, inst, "MMTR", "1", "TotWh", "ST");
        fcda(x, inst, "DESE", "1", "ChaPwrTgt", "SP");
        fcda(x, inst, "DESE", "1", "ChaPwrLim", "SP");
        for (int n = 1; n <= s.outlets().size(); n++) {
            fcda(x, inst, "DEAO", Integer.toString(n), "ConnSt", "ST");
            fcda(x, inst, "DEAO", Integer.toString(n), "PlgStAC", "ST");
        }
        reportControl(x, inst);
        ln(x, "LPHD", "1", "CF_LPHD");
        ln(x, "MMXU", "1", "CF_MMXU");
        ln(x, "MMTR", "1", "CF_MMTR");
        ln(x, "DESE", "1", "CF_DESE");
        for (int n = 1; n <= s.outlets().size(); n++) {
            ln(x, "DEAO", Integer.toString(n), "CF_DEAO");
            ln(x, "DEEV", Integer.toString(n), "CF_DEEV");
        }
        x.append("</LDevice>\n");
    }

    /** LLN0, LPHD1, MMXU1 (TotW only) and DESE1 (ChaPwrRtg, ChaPwrTgt, ChaPwrLim) of a grid connection point. */
    private static void gridConnectionPoint(StringBuilder x, GridConnectionPointInfo g, String inst) {
        x.append("<LDevice inst=\"").append(inst).append("\" desc=\"").append(xml("Grid connection point " + g.name()))
                .append("\">\n");
        x.append("<LN0 lnClass=\"LLN0\" lnType=\"CF_LLN0\" inst=\"\">\n<DataSet name=\"Meas\">\n");
        fcda(x, inst, "MMXU", "1", "TotW", "MX");
        fcda(x, inst, "DESE", "1", "ChaPwrTgt", "SP");
        fcda(x, inst, "DESE", "1", "ChaPwrLim", "SP");
        reportControl(x, inst);
        ln(x, "LPHD", "1", "CF_LPHD");
        ln(x, "MMXU", "1", "CF_MMXU_GCP");
        ln(x, "DESE", "1", "CF_DESE_GCP");
        x.append("</LDevice>\n");
    }

    private static void reportControl(StringBuilder x, String inst) {
        x.append("</DataSet>\n<ReportControl name=\"urcbMeas\" rptID=\"").append(inst)
                .append("Meas\" datSet=\"Meas\" confRev=\"1\" buffered=\"false\" bufTime=\"0\" intgPd=\"0\">")
                .append("<TrgOps dchg=\"true\" qchg=\"true\" dupd=\"false\" period=\"false\" gi=\"true\"/>")
                .append("<OptFields seqNum=\"true\" timeStamp=\"true\" dataSet=\"true\" reasonCode=\"true\"")
                .append(" dataRef=\"true\" configRef=\"true\"/><RptEnabled max=\"4\"/></ReportControl>\n</LN0>\n");
    }

    private static void fcda(StringBuilder x, String ld, String lnClass, String inst, String doName, String fc) {
        x.append("<FCDA ldInst=\"").append(ld).append("\" lnClass=\"").append(lnClass).append("\" lnInst=\"")
                .append(inst).append("\" doName=\"").append(doName).append("\" fc=\"").append(fc).append("\"/>\n");
    }

    private static void ln(StringBuilder x, String lnClass, String inst, String type) {
        x.append("<LN lnClass=\"").append(lnClass).append("\" inst=\"").append(inst).append("\" lnType=\"")
                .append(type).append("\" prefix=\"\"/>\n");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
