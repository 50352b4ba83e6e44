package org.urbaninvest.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * Demo-like figures from the source articles, produced as events: the Taiyuan–Xinzhou zone with its four parks
 * (89 agreements intended worth 96.52 bn CNY, 84 signed worth 64.63 bn, signed over 2022; a quarter of the signed
 * amount disbursed on every fifth one, 3.33 bn CNY in all), three projects (10.7 bn CNY), and the Caijia
 * opportunity list (29 projects, 93.8 bn CNY in five categories) under Chongqing → Beibei → Caijia. Per-item
 * amounts are illustrative; the totals are the articles'.
 */
record DemoData(String zone, String programme, String city) {

    /** The Caijia opportunity list's categories: code, name, declared project count, declared investment (CNY). */
    static final String[][] CAIJIA_CATEGORIES = {{"ecological-humanity", "Ecological humanity", "6", "10600000000.00"},
            {"technological-innovation", "Technological innovation", "8", "34800000000.00"},
            {"private-economy", "Private economy", "5", "5100000000.00"},
            {"urban-rural-integration", "Urban-rural integration", "8", "13300000000.00"},
            {"other", "Other", "2", "30000000000.00"}};

    static DemoData load() {
        String zone = TestEvents.unique("taiyuan-xinzhou");
        TestEvents.zone(zone, null).named("Taiyuan–Xinzhou Integrated Economic Zone", "ECONOMIC_ZONE").send();
        List<String> parkNames = List.of("Zhongbei High-tech Zone", "Yangqu Industrial Park", "Xinzhou Economic Zone",
                "Yuanping ETDZ");
        List<String> parks = parkNames.stream().map(name -> {
            String code = TestEvents.unique(name.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
            TestEvents.zone(code, zone).named(name, "INDUSTRIAL_PARK").send();
            return code;
        }).toList();
        // 89 intended, 84 signed; amounts vary by park so the bars differ, totals are the article's
        BigDecimal[] intendedUnits = {new BigDecimal("1380000000.00"), new BigDecimal("1180000000.00"),
                new BigDecimal("880000000.00"), new BigDecimal("880000000.00")};
        BigDecimal[] signedUnits = {new BigDecimal("1000000000.00"), new BigDecimal("820000000.00"),
                new BigDecimal("560000000.00"), new BigDecimal("700000000.00")};
        BigDecimal intendedSum = BigDecimal.ZERO;
        BigDecimal signedSum = BigDecimal.ZERO;
        for (int i = 0; i < 89; i++) {
            int park = i % 4;
            boolean last = i == 88;
            BigDecimal intended = last ? new BigDecimal("96520000000.00").subtract(intendedSum) : intendedUnits[park];
            intendedSum = intendedSum.add(intended);
            int month = 1 + (i * 7 / 89);
            TestEvents.Agreement agreement = TestEvents.agreement(parks.get(park), intended.toPlainString(), "CNY",
                    String.format("2022-%02d-%02d", month, 1 + i % 27)).send();
            if (i < 84) {
                BigDecimal signed = i == 83 ? new BigDecimal("64630000000.00").subtract(signedSum) : signedUnits[park];
                signedSum = signedSum.add(signed);
                agreement.sign(signed.toPlainString(), "CNY", String.format("2022-%02d-%02d", month + 1 + i % 3,
                        1 + i % 27)).send();
                if (i % 5 == 0) {
                    agreement.disburse(signed.divide(BigDecimal.valueOf(4)).setScale(2).toPlainString(),
                            String.format("2022-%02d-15", month + 2)).send();
                }
            }
        }
        TestEvents.project(TestEvents.unique("taiyuan-xinzhou-avenue"), parks.get(0), "6800000000.00", "CNY")
                .withStatus("completion").send();
        TestEvents.project(TestEvents.unique("yangqu-logistics-hub"), parks.get(1), "2400000000.00", "CNY")
                .withStatus("implementation").send();
        TestEvents.project(TestEvents.unique("xinzhou-data-centre"), parks.get(2), "1500000000.00", "CNY")
                .withStatus("preparation").send();

        String chongqing = TestEvents.unique("chongqing");
        String beibei = TestEvents.unique("beibei");
        String caijia = TestEvents.unique("caijia");
        TestEvents.zone(chongqing, null).named("Chongqing", "CITY").send();
        TestEvents.zone(beibei, chongqing).named("Beibei", "DISTRICT").send();
        TestEvents.zone(caijia, beibei).named("Caijia Smart New City", "NEW_AREA").send();
        String programme = TestEvents.unique("caijia-opportunity-list-2022");
        String[][] categories = CAIJIA_CATEGORIES;
        TestEvents.Programme list = TestEvents.programme(programme, caijia, 29, "93800000000.00")
                .named("Caijia Smart New City Opportunity List 2022");
        for (String[] category : categories) {
            list.category(category[0], category[1], Integer.parseInt(category[2]), category[3]);
        }
        list.send();
        for (String[] category : categories) {
            int count = Integer.parseInt(category[2]);
            BigDecimal unit = new BigDecimal(category[3]).divideToIntegralValue(BigDecimal.valueOf(count)).setScale(2);
            for (String amount : amounts(count, category[3], unit.toPlainString())) {
                TestEvents.project(TestEvents.unique("caijia-project"), caijia, amount, "CNY")
                        .in(programme, category[0]).withStatus("preparation").send();
            }
        }
        return new DemoData(zone, programme, chongqing);
    }

    /** {@code count} amounts of {@code each}, the last one making up {@code total}. */
    static List<String> amounts(int count, String total, String each) {
        BigDecimal unit = new BigDecimal(each);
        BigDecimal last = new BigDecimal(total).subtract(unit.multiply(BigDecimal.valueOf(count - 1L)));
        java.util.ArrayList<String> amounts = new java.util.ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            amounts.add(unit.toPlainString());
        }
        amounts.add(last.toPlainString());
        return amounts;
    }
}
