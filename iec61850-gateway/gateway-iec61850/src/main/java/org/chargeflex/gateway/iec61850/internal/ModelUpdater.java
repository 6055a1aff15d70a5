package org.chargeflex.gateway.iec61850.internal;

import com.beanit.openiec61850.BasicDataAttribute;
import com.beanit.openiec61850.BdaBoolean;
import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.BdaInt32;
import com.beanit.openiec61850.BdaInt64;
import com.beanit.openiec61850.BdaInt8;
import com.beanit.openiec61850.BdaQuality;
import com.beanit.openiec61850.BdaTimestamp;
import com.beanit.openiec61850.BdaVisibleString;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.ModelNode;
import com.beanit.openiec61850.ServerModel;
import com.beanit.openiec61850.ServerSap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.chargeflex.gateway.core.Curtailment;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GridConnectionPointInfo;
import org.chargeflex.gateway.core.Measurand;
import org.chargeflex.gateway.core.OutletSnapshot;
import org.chargeflex.gateway.core.Quality;
import org.chargeflex.gateway.core.Reading;
import org.chargeflex.gateway.core.StationInfo;
import org.chargeflex.gateway.core.StationSnapshot;

/**
 * Writes station values into the server's model: sets them on the nodes of the model copy and hands them to
 * {@link ServerSap#setValues} (which reports data changes). Quality and time stamp of each value go first, so a
 * report triggered by the value carries them. Called from one thread only (the server's updater).
 */
public final class ModelUpdater {
    private static final String[] PHS = {"phsA", "phsB", "phsC"};

    private final ServerSap sap;
    private final ServerModel model;
    private final String iedName;
    private final LdNames names;

    public ModelUpdater(ServerSap sap, String iedName, LdNames names) {
        this.sap = sap;
        this.model = sap.getModelCopy();
        this.iedName = iedName;
        this.names = names;
    }

    /** Static values: name plates, behaviour on, LPHD proxy, limit range. */
    public void initialise(StationInfo info) {
        List<String> lns = new ArrayList<>(List.of("LLN0", "MMXU1", "MMTR1", "DESE1"));
        for (int n = 1; n <= info.outlets().size(); n++) {
            lns.add("DEAO" + n);
            lns.add("DEEV" + n);
        }
        initialise(iedName + names.inst(info.id()), "EV charging station " + info.id(), info.name(), lns,
                info.maxPowerW());
    }

    /** Static values of a grid connection point's logical device. */
    public void initialise(GridConnectionPointInfo info) {
        initialise(iedName + names.inst(CurtailmentTarget.gridConnectionPoint(info.id())),
                "Grid connection point " + info.id() + " (its charging stations)", info.name(),
                List.of("LLN0", "MMXU1", "DESE1"), info.maxPowerW());
    }

    private void initialise(String ld, String description, String model, List<String> lns, double ratingW) {
        List<BasicDataAttribute> out = new ArrayList<>();
        Instant now = Instant.now();
        text(out, ld + "/LLN0.NamPlt.vendor", Fc.DC, "ChargeFlex");
        text(out, ld + "/LLN0.NamPlt.d", Fc.DC, description);
        text(out, ld + "/LLN0.NamPlt.configRev", Fc.DC, "1");
        text(out, ld + "/LPHD1.PhyNam.vendor", Fc.DC, "ChargeFlex");
        text(out, ld + "/LPHD1.PhyNam.model", Fc.DC, model);
        for (String ln : lns) {
            status(out, ld + "/" + ln + ".Beh", Quality.GOOD, now);
            this.<BdaInt32>node(ld + "/" + ln + ".Beh.stVal", Fc.ST).setValue(1);
            out.add(node(ld + "/" + ln + ".Beh.stVal", Fc.ST));
        }
        status(out, ld + "/LPHD1.Proxy", Quality.GOOD, now);
        this.<BdaBoolean>node(ld + "/LPHD1.Proxy.stVal", Fc.ST).setValue(true);
        out.add(node(ld + "/LPHD1.Proxy.stVal", Fc.ST));
        setting(out, ld + "/DESE1.ChaPwrLim.minVal", Fc.CF, 0);
        setting(out, ld + "/DESE1.ChaPwrLim.maxVal", Fc.CF, ratingW);
        setting(out, ld + "/DESE1.ChaPwrRtg.setMag", Fc.SP, ratingW);
        setting(out, ld + "/DESE1.ChaPwrLim.setMag", Fc.SP, ratingW);
        sap.setValues(out);
    }

    /**
     * A grid connection point's current values: the sum of its stations' power, their planned power and the limit in
     * force (the rating when not curtailed).
     */
    public void apply(GridConnectionPointInfo g, Reading totalW, Reading plannedW,
            Optional<Curtailment> curtailment) {
        String ld = iedName + names.inst(CurtailmentTarget.gridConnectionPoint(g.id()));
        List<BasicDataAttribute> out = new ArrayList<>();
        mv(out, ld + "/MMXU1.TotW", totalW);
        setting(out, ld + "/DESE1.ChaPwrTgt.setMag", Fc.SP, plannedW.value());
        setting(out, ld + "/DESE1.ChaPwrLim.setMag", Fc.SP, curtailment.map(Curtailment::limitW).orElse(g.maxPowerW()));
        sap.setValues(out);
    }

    /** The station's current values, and the limit in force (the rating when not curtailed). */
    public void apply(StationSnapshot s, Optional<Curtailment> curtailment) {
        String ld = iedName + names.inst(s.id());
        List<BasicDataAttribute> out = new ArrayList<>();
        mv(out, ld + "/MMXU1.TotW", s.totalPowerW());
        for (int p = 1; p <= 3; p++) {
            cmv(out, ld + "/MMXU1.PhV." + PHS[p - 1], s.phaseVoltageV(p));
            cmv(out, ld + "/MMXU1.A." + PHS[p - 1], s.phaseCurrentA(p));
            cmv(out, ld + "/MMXU1.W." + PHS[p - 1], s.phasePowerW(p));
        }
        Reading energy = s.energyWh();
        status(out, ld + "/MMTR1.TotWh", energy.quality(), energy.time());
        this.<BdaInt64>node(ld + "/MMTR1.TotWh.actVal", Fc.ST).setValue(Math.round(energy.value()));
        out.add(node(ld + "/MMTR1.TotWh.actVal", Fc.ST));
        setting(out, ld + "/DESE1.ChaPwrTgt.setMag", Fc.SP, s.plannedPowerW().value());
        mv(out, ld + "/DESE1.ChaV", s.chargingVoltageV());
        mv(out, ld + "/DESE1.ChaA", s.chargingCurrentA());
        setting(out, ld + "/DESE1.ChaPwrLim.setMag", Fc.SP,
                curtailment.map(Curtailment::limitW).orElse(s.info().maxPowerW()));
        for (int n = 1; n <= s.outlets().size(); n++) {
            outlet(out, ld, n, s.outlets().get(n - 1));
        }
        sap.setValues(out);
    }

    private void outlet(List<BasicDataAttribute> out, String ld, int n, OutletSnapshot o) {
        String deao = ld + "/DEAO" + n;
        status(out, deao + ".ConnSt", o.cpState().quality(), o.cpState().time());
        this.<BdaInt8>node(deao + ".ConnSt.stVal", Fc.ST).setValue((byte) Math.max(1, o.cpState().code()));
        out.add(node(deao + ".ConnSt.stVal", Fc.ST));
        status(out, deao + ".PlgStAC", o.cpState().quality(), o.cpState().time());
        this.<BdaBoolean>node(deao + ".PlgStAC.stVal", Fc.ST).setValue(o.cpState().plugged());
        out.add(node(deao + ".PlgStAC.stVal", Fc.ST));
        setting(out, deao + ".ChaAMax.setMag", Fc.SP, o.get(Measurand.CURRENT_LIMIT_A).value());
        String deev = ld + "/DEEV" + n;
        mv(out, deev + ".Soc", o.get(Measurand.EV_SOC_PCT));
        Reading departure = o.get(Measurand.EV_DEPARTURE_S);
        BdaTimestamp dpt = node(deev + ".DptTm.setTm", Fc.SP);
        dpt.setDate(new Date(Math.round(departure.value()) * 1000));
        out.add(dpt);
        setting(out, deev + ".EnAmnt.setMag", Fc.SP, o.get(Measurand.EV_ENERGY_REQUEST_WH).value());
    }

    private void mv(List<BasicDataAttribute> out, String ref, Reading r) {
        status(out, ref, r.quality(), r.time(), Fc.MX);
        BdaFloat32 f = node(ref + ".mag.f", Fc.MX);
        f.setFloat((float) r.value());
        out.add(f);
    }

    private void cmv(List<BasicDataAttribute> out, String ref, Reading r) {
        status(out, ref, r.quality(), r.time(), Fc.MX);
        BdaFloat32 f = node(ref + ".cVal.mag.f", Fc.MX);
        f.setFloat((float) r.value());
        out.add(f);
    }

    private void status(List<BasicDataAttribute> out, String ref, Quality q, Instant t) {
        status(out, ref, q, t, Fc.ST);
    }

    private void status(List<BasicDataAttribute> out, String ref, Quality q, Instant t, Fc fc) {
        BdaQuality quality = node(ref + ".q", fc);
        Qualities.set(quality, q);
        out.add(quality);
        if (!Instant.EPOCH.equals(t)) {
            BdaTimestamp ts = node(ref + ".t", fc);
            ts.setDate(Date.from(t));
            out.add(ts);
        }
    }

    private void setting(List<BasicDataAttribute> out, String ref, Fc fc, double value) {
        BdaFloat32 f = node(ref + ".f", fc);
        f.setFloat((float) value);
        out.add(f);
    }

    private void text(List<BasicDataAttribute> out, String ref, Fc fc, String value) {
        BdaVisibleString s = node(ref, fc);
        s.setValue(value.length() > 255 ? value.substring(0, 255) : value);
        out.add(s);
    }

    @SuppressWarnings("unchecked")
    private <T extends BasicDataAttribute> T node(String ref, Fc fc) {
        ModelNode n = model.findModelNode(ref, fc);
        if (n == null) {
            throw new IllegalStateException("the generated model has no " + ref + " [" + fc + "]");
        }
        return (T) n;
    }
}
