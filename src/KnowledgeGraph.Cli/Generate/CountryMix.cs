namespace KnowledgeGraph.Cli.Generate;

/// <summary>A country organizations come from: how often, what their names look like, what money they use.</summary>
internal sealed record CountryProfile(string Code, int Weight, IReadOnlyList<string> Places, IReadOnlyList<string> Suffixes, string Currency, decimal PerUsd);

/// <summary>
/// Where the generated organizations are: a large Chinese share, as in the real industry, then the US, Japan,
/// Europe, Korea, Australia, Canada and the smaller mining and processing countries.
/// </summary>
internal static class CountryMix
{
    public static IReadOnlyList<CountryProfile> Profiles { get; } =
    [
        new("CN", 380, ["Baotou", "Ganzhou", "Ningbo", "Xiamen", "Chengdu", "Longnan", "Jiangxi", "Fujian", "Guangdong", "Inner Mongolia", "Hunan", "Shandong", "Zhejiang", "Yantai", "Anhui", "Jiangsu", "Sichuan", "Tianjin", "Shanghai", "Hefei"], ["Co., Ltd.", "Group Co., Ltd.", "Holdings Co., Ltd."], "CNY", 7m),
        new("US", 130, ["Mountain", "Texas", "Colorado", "Nevada", "Ohio", "Carolina", "Pacific", "Great Lakes", "Appalachian", "Wyoming", "Arizona", "Michigan"], ["Inc.", "Corp.", "LLC"], "USD", 1m),
        new("JP", 80, ["Tokyo", "Osaka", "Nagoya", "Shin-Etsu", "Kyushu", "Hokkaido", "Kanto", "Chubu", "Tohoku"], ["Co., Ltd.", "Corporation"], "JPY", 150m),
        new("DE", 45, ["Hanau", "Bavaria", "Rhine", "Saxony", "Hessen", "Baden", "Ruhr"], ["GmbH", "AG"], "EUR", 0.9m),
        new("KR", 40, ["Seoul", "Busan", "Incheon", "Ulsan", "Pohang", "Daegu"], ["Co., Ltd.", "Corporation"], "KRW", 1300m),
        new("AU", 40, ["Pilbara", "Kimberley", "Mount Weld", "Goldfields", "Northern Territory", "Queensland", "Dubbo"], ["Ltd", "Pty Ltd"], "AUD", 1.5m),
        new("CA", 30, ["Saskatchewan", "Quebec", "Ontario", "Nechalacho", "Labrador", "Yukon"], ["Inc.", "Corp.", "Ltd."], "CAD", 1.35m),
        new("FR", 25, ["Lacq", "La Rochelle", "Lyon", "Normandie", "Alsace"], ["SAS", "SA"], "EUR", 0.9m),
        new("GB", 25, ["Birmingham", "Teesside", "Sheffield", "Cornwall", "Pensnett"], ["Ltd", "plc"], "GBP", 0.8m),
        new("IN", 20, ["Kerala", "Odisha", "Gujarat", "Chennai", "Pune"], ["Limited", "Pvt Ltd"], "INR", 83m),
        new("VN", 15, ["Lai Chau", "Yen Bai", "Hanoi", "Hai Phong"], ["JSC", "Co., Ltd."], "VND", 24000m),
        new("MY", 15, ["Kuantan", "Gebeng", "Perak", "Penang"], ["Sdn Bhd", "Berhad"], "MYR", 4.6m),
        new("EE", 8, ["Sillamäe", "Narva", "Tallinn"], ["AS", "OÜ"], "EUR", 0.9m),
        new("SE", 10, ["Kiruna", "Luleå", "Norrbotten", "Gothenburg"], ["AB"], "SEK", 10.5m),
        new("FI", 8, ["Pori", "Oulu", "Kokkola"], ["Oy"], "EUR", 0.9m),
        new("IT", 10, ["Turin", "Milan", "Bologna"], ["S.p.A.", "S.r.l."], "EUR", 0.9m),
        new("NL", 8, ["Rotterdam", "Eindhoven", "Delft"], ["B.V.", "N.V."], "EUR", 0.9m),
        new("ES", 8, ["Asturias", "Catalonia", "Castilla"], ["S.A.", "S.L."], "EUR", 0.9m),
        new("BE", 6, ["Antwerp", "Ghent", "Liège"], ["NV", "SA"], "EUR", 0.9m),
        new("AT", 5, ["Styria", "Linz"], ["GmbH", "AG"], "EUR", 0.9m),
        new("PL", 6, ["Silesia", "Gdańsk", "Kraków"], ["S.A.", "sp. z o.o."], "PLN", 4m),
        new("CZ", 4, ["Ostrava", "Brno"], ["a.s.", "s.r.o."], "CZK", 23m),
        new("NO", 6, ["Fen", "Herøya", "Bergen"], ["AS", "ASA"], "NOK", 10.5m),
        new("DK", 4, ["Aarhus", "Odense"], ["A/S"], "DKK", 6.8m),
        new("GL", 3, ["Narsaq", "Kvanefjeld", "Tanbreez"], ["A/S"], "DKK", 6.8m),
        new("BR", 12, ["Minas Gerais", "Goiás", "Bahia", "Araxá"], ["S.A.", "Ltda."], "BRL", 5m),
        new("ZA", 6, ["Steenkampskraal", "Phalaborwa", "Gauteng"], ["(Pty) Ltd", "Ltd"], "ZAR", 18m),
        new("TH", 10, ["Rayong", "Bangkok", "Chonburi"], ["Co., Ltd.", "Public Co., Ltd."], "THB", 35m),
        new("MN", 4, ["Khalzan Buregtei", "Mongol Altai"], ["LLC"], "MNT", 3400m),
        new("KZ", 4, ["Kostanay", "Ust-Kamenogorsk"], ["JSC", "LLP"], "KZT", 450m),
    ];
}
