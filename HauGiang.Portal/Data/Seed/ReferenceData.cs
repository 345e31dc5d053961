using System.Globalization;
using System.Reflection;
using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Data.Seed;

/// <summary>
/// The organisation as of 1 July 2025: the city, its departments and service companies, the 28 wards/communes of
/// the former Hậu Giang province (official codes; centres approximate), categories and a few routing rules.
/// Seeded into an empty database in every environment: admins then keep it true.
/// </summary>
internal static class ReferenceData
{
    public const string ProvinceCode = "TP-CANTHO";
    public const string ConstructionDept = "SO-XD";
    public const string AgricultureEnvironmentDept = "SO-NNMT";
    public const string HealthDept = "SO-YT";
    public const string EducationDept = "SO-GDDT";
    public const string PoliceDept = "CA-TP";
    public const string ElectricityCompany = "DIEN-LUC";
    public const string WaterCompany = "CAP-NUOC";

    public static string WardUnitCode(string areaCode) => "UBND-" + areaCode;

    public sealed record AreaRow(string Code, AreaKind Kind, string Name, string FormerDistrict, double Latitude, double Longitude);

    /// <summary>The 28 units from units-hau-giang-2025.csv (embedded).</summary>
    public static IReadOnlyList<AreaRow> Areas { get; } = LoadAreas();

    public static IReadOnlyList<(string Code, string Name, string NameEn)> Departments { get; } =
    [
        (ConstructionDept, "Sở Xây dựng (trật tự đô thị, hạ tầng)", "Department of Construction"),
        (AgricultureEnvironmentDept, "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"),
        (HealthDept, "Sở Y tế", "Department of Health"),
        (EducationDept, "Sở Giáo dục và Đào tạo", "Department of Education and Training"),
        (PoliceDept, "Công an thành phố", "City Police"),
        (ElectricityCompany, "Công ty Điện lực Hậu Giang", "Hau Giang Power Company"),
        (WaterCompany, "Công ty Cấp thoát nước Hậu Giang", "Hau Giang Water Supply Company"),
    ];

    public sealed record CategoryRow(string Code, string Group, string GroupEn, string NameVi, string NameEn, string Icon, string Color, int Days, string? DepartmentCode);

    public static IReadOnlyList<CategoryRow> Categories { get; } =
    [
        new("lan-chiem-via-he", "Trật tự đô thị", "Urban order", "Lấn chiếm vỉa hè, lòng đường", "Pavement or road encroachment", "Storefront", "#e65100", 3, null),
        new("xay-dung-trai-phep", "Trật tự đô thị", "Urban order", "Xây dựng không phép, sai phép", "Unlicensed construction", "Construction", "#bf360c", 5, null),
        new("quang-cao-sai-phep", "Trật tự đô thị", "Urban order", "Quảng cáo, băng rôn sai quy định", "Illegal advertising", "Campaign", "#ff8f00", 3, null),
        new("rac-thai", "Môi trường", "Environment", "Rác thải, vệ sinh môi trường", "Rubbish and sanitation", "Delete", "#2e7d32", 2, null),
        new("o-nhiem-kenh-rach", "Môi trường", "Environment", "Ô nhiễm kênh rạch, nguồn nước", "Canal and water pollution", "Water", "#00695c", 7, AgricultureEnvironmentDept),
        new("tieng-on", "Môi trường", "Environment", "Tiếng ồn, karaoke", "Noise", "VolumeUp", "#558b2f", 3, null),
        new("dot-rac-khoi-bui", "Môi trường", "Environment", "Đốt rác, khói bụi", "Burning waste, smoke and dust", "LocalFireDepartment", "#827717", 2, null),
        new("duong-hu-hong", "Hạ tầng giao thông", "Roads and infrastructure", "Đường hư hỏng, ổ gà", "Damaged road, potholes", "AddRoad", "#5d4037", 5, ConstructionDept),
        new("den-chieu-sang", "Hạ tầng giao thông", "Roads and infrastructure", "Đèn chiếu sáng công cộng", "Street lights", "Lightbulb", "#f9a825", 3, ConstructionDept),
        new("ngap-nuoc", "Hạ tầng giao thông", "Roads and infrastructure", "Ngập nước, cống thoát nước", "Flooding and drains", "Flood", "#1565c0", 2, ConstructionDept),
        new("cay-xanh", "Hạ tầng giao thông", "Roads and infrastructure", "Cây xanh gãy đổ, nguy hiểm", "Fallen or dangerous trees", "Park", "#388e3c", 1, null),
        new("bien-bao-giao-thong", "Hạ tầng giao thông", "Roads and infrastructure", "Biển báo, đèn tín hiệu giao thông", "Traffic signs and signals", "Traffic", "#6d4c41", 5, ConstructionDept),
        new("an-ninh-trat-tu", "An ninh trật tự", "Public security", "Mất an ninh trật tự", "Public disorder", "LocalPolice", "#c62828", 1, PoliceDept),
        new("dau-xe-sai-quy-dinh", "An ninh trật tự", "Public security", "Đậu xe, họp chợ sai quy định", "Illegal parking or street market", "LocalParking", "#ad1457", 3, null),
        new("an-toan-thuc-pham", "Y tế", "Health", "An toàn thực phẩm", "Food safety", "Restaurant", "#6a1b9a", 5, HealthDept),
        new("dich-benh", "Y tế", "Health", "Dịch bệnh, vệ sinh phòng bệnh", "Disease prevention", "Coronavirus", "#8e24aa", 2, null),
        new("truong-hoc", "Giáo dục", "Education", "Trường học, cơ sở giáo dục", "Schools", "School", "#283593", 7, EducationDept),
        new("dien-nguy-hiem", "Điện, nước", "Power and water", "Mất điện, dây điện nguy hiểm", "Power cuts, dangerous wires", "ElectricBolt", "#ff6f00", 1, ElectricityCompany),
        new("cap-nuoc", "Điện, nước", "Power and water", "Mất nước, vỡ ống cấp nước", "Water cuts, burst pipes", "Plumbing", "#0277bd", 1, WaterCompany),
        new("khac", "Khác", "Other", "Khác", "Other", "HelpOutline", "#607d8b", 5, null),
    ];

    /// <summary>
    /// Rules that override the defaults: in the city wards (phường) drainage and street lights are handled by the
    /// ward itself, as the wards of Vị Thanh and Ngã Bảy have their own urban-services teams.
    /// </summary>
    public static IEnumerable<(string CategoryCode, string AreaCode, string UnitCode)> RoutingRules()
    {
        foreach (var area in Areas.Where(a => a.Kind == AreaKind.Ward))
        {
            yield return ("ngap-nuoc", area.Code, WardUnitCode(area.Code));
            yield return ("den-chieu-sang", area.Code, WardUnitCode(area.Code));
        }
    }

    private static List<AreaRow> LoadAreas()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HauGiang.Portal.Data.Seed.units-hau-giang-2025.csv")
            ?? throw new InvalidOperationException("units-hau-giang-2025.csv is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<AreaRow>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = SplitCsv(line);
            rows.Add(new AreaRow(
                f[0],
                f[1] == "phuong" ? AreaKind.Ward : AreaKind.Commune,
                f[2],
                f[3],
                double.Parse(f[5], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
