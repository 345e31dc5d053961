namespace QueueBench;

/// <summary>Short Vietnamese texts for generated reports (the text search scans these); <c>{street}</c> is filled in.</summary>
internal static class Texts
{
    /// <summary>Rubbish, pavements, lights, roads and flooding make up most reports (the demo seeder's weights).</summary>
    public static int CategoryWeight(string code) => code switch
    {
        "rac-thai" => 14,
        "lan-chiem-via-he" => 12,
        "den-chieu-sang" => 10,
        "duong-hu-hong" => 9,
        "ngap-nuoc" => 8,
        "tieng-on" => 5,
        "cay-xanh" => 4,
        "dau-xe-sai-quy-dinh" => 4,
        "xay-dung-trai-phep" => 4,
        "o-nhiem-kenh-rach" => 4,
        _ => 2,
    };

    public static IReadOnlyDictionary<string, string[]> Descriptions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["lan-chiem-via-he"] =
        [
            "Quán cà phê ở {street} bày bàn ghế ra hết vỉa hè, người đi bộ phải đi xuống lòng đường.",
            "Tiệm sửa xe đầu hẻm ở {street} để xe khách tràn ra gần nửa lòng đường, buổi tối rất dễ đụng.",
            "Dãy hàng rong trước cổng chợ chiếm hết lối đi, người đẩy xe lăn không qua được.",
        ],
        ["xay-dung-trai-phep"] =
        [
            "Nhà ở {street} đang xây thêm tầng 3, không thấy treo giấy phép xây dựng.",
            "Có người cất nhà sàn lấn ra mé kênh, đóng cừ tràm lấn dòng chảy gần {street}.",
        ],
        ["quang-cao-sai-phep"] =
        [
            "Băng rôn quảng cáo treo chằng chịt trên cột điện ở {street}, có tấm đã rách rủ xuống đường.",
            "Biển quảng cáo lớn dựng trên vỉa hè {street} che khuất tầm nhìn ở ngã tư.",
        ],
        ["rac-thai"] =
        [
            "Rác thải ứ đọng ở {street} mấy ngày nay chưa được thu gom, bốc mùi hôi thối.",
            "Có người đổ trộm xà bần và rác sinh hoạt ven {street} vào ban đêm.",
            "Điểm tập kết rác gần chợ tràn ra lòng đường, chó mèo bới tung tóe.",
        ],
        ["o-nhiem-kenh-rach"] =
        [
            "Nước kênh gần {street} đen ngòm, nổi bọt và có cá chết, nghi cơ sở gần đó xả thải.",
            "Lục bình và rác nghẹt kín đoạn kênh phía sau {street}, nước tù đọng bốc mùi.",
        ],
        ["tieng-on"] =
        [
            "Nhà dân ở {street} hát karaoke tới 12 giờ đêm, mở loa rất lớn, ảnh hưởng người già và trẻ nhỏ.",
            "Xưởng cơ khí ở {street} chạy máy từ 5 giờ sáng, tiếng ồn rất lớn.",
        ],
        ["dot-rac-khoi-bui"] =
        [
            "Có người đốt rác, đốt rơm ngay cạnh khu dân cư ở {street}, khói bay vào nhà ngột ngạt.",
            "Xe chở cát đá không che chắn chạy qua {street}, bụi mù mịt cả ngày.",
        ],
        ["duong-hu-hong"] =
        [
            "Đường {street} có ổ gà lớn giữa lòng đường, trời mưa đọng nước không thấy, đã có người té xe.",
            "Mặt đường {street} bị lún, nứt một đoạn dài khoảng 20 mét sau mùa mưa.",
        ],
        ["den-chieu-sang"] =
        [
            "Đèn đường trên {street} tắt cả tuần nay, buổi tối tối om rất nguy hiểm.",
            "Cột đèn chiếu sáng ở {street} bị nghiêng, dây điện hở gần mặt đất.",
        ],
        ["ngap-nuoc"] =
        [
            "Mưa lớn là {street} ngập sâu tới nửa bánh xe, nước rút rất chậm do cống nghẹt.",
            "Nắp cống trên {street} bị vỡ, nước thải tràn lên mặt đường.",
        ],
        ["cay-xanh"] =
        [
            "Cây dầu lớn trên {street} bị mục gốc, nghiêng hẳn ra đường, sợ mưa gió sẽ ngã.",
            "Nhánh cây gãy sau cơn mưa nằm chắn ngang {street}, xe không qua được.",
        ],
        ["bien-bao-giao-thong"] =
        [
            "Đèn tín hiệu giao thông ở ngã tư {street} bị hỏng, chỉ nháy vàng, xe cộ lộn xộn.",
            "Biển báo cấm đậu xe trên {street} bị gãy, nằm dưới đất.",
        ],
        ["an-ninh-trat-tu"] =
        [
            "Nhóm thanh niên tụ tập đua xe, nẹt pô trên {street} vào ban đêm.",
            "Có người say xỉn gây gổ, đánh nhau trước quán nhậu ở {street}.",
        ],
        ["dau-xe-sai-quy-dinh"] =
        [
            "Xe tải đậu cả ngày trên {street}, chắn lối vào hẻm.",
            "Chợ tự phát họp ngay lòng đường {street} mỗi sáng, kẹt xe kéo dài.",
        ],
        ["an-toan-thuc-pham"] =
        [
            "Quán ăn ở {street} chế biến thức ăn ngay dưới đất, ruồi bu đầy, không đảm bảo vệ sinh.",
            "Cơ sở làm bún ở {street} dùng hóa chất lạ, nước thải có mùi hắc.",
        ],
        ["dich-benh"] =
        [
            "Khu dân cư ở {street} có nhiều người bị sốt xuất huyết, đề nghị phun thuốc diệt muỗi.",
            "Nước đọng ở bãi đất trống gần {street} lăng quăng rất nhiều.",
        ],
        ["truong-hoc"] =
        [
            "Cổng trường tiểu học trên {street} giờ tan học kẹt xe nghiêm trọng, không có người điều tiết.",
            "Tường rào trường học ở {street} bị nứt, nghiêng ra phía đường.",
        ],
        ["dien-nguy-hiem"] =
        [
            "Dây điện trên {street} bị đứt, rủ xuống sát mặt đất, rất nguy hiểm cho người đi đường.",
            "Khu vực {street} mất điện từ sáng tới giờ chưa có lại.",
        ],
        ["cap-nuoc"] =
        [
            "Ống nước trên {street} bị vỡ, nước phun lên mặt đường cả buổi.",
            "Khu vực {street} mất nước hai ngày nay, không có thông báo trước.",
        ],
        ["khac"] =
        [
            "Đề nghị kiểm tra tình trạng mất vệ sinh, lộn xộn kéo dài ở {street}.",
            "Người dân ở {street} phản ánh sự việc chưa được giải quyết dứt điểm.",
        ],
    };

    public static string[] Endings { get; } =
    [
        "Đề nghị cơ quan chức năng kiểm tra, xử lý.",
        "Tình trạng này kéo dài nhiều ngày nay rồi.",
        "Người dân đã nhắc nhở nhiều lần nhưng không có kết quả.",
        "Mong chính quyền sớm giải quyết.",
        "Có hình ảnh đính kèm.",
        "Chiều nay đi ngang vẫn còn.",
    ];

    public static string[] Streets { get; } =
    [
        "đường Trần Hưng Đạo", "đường 3 Tháng 2", "đường Nguyễn Công Trứ", "đường Hùng Vương", "đường Lê Hồng Phong",
        "đường Võ Văn Kiệt", "đường Trần Quang Diệu", "đường 30 Tháng 4", "đường Nguyễn Trung Trực", "Quốc lộ 61",
        "Quốc lộ 1A", "đường Hòa Bình", "đường Châu Văn Liêm", "đường Nguyễn Huệ", "đường Lý Thường Kiệt",
        "đường Ngô Quốc Trị", "đường Đoàn Thị Điểm", "đường Trần Ngọc Quế", "đường 1 Tháng 5", "đường Nguyễn Thái Học",
    ];

    public static string[] FamilyNames { get; } = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Lâm", "Trương"];

    public static string[] GivenNames { get; } =
        ["Văn An", "Thị Mai", "Minh Khoa", "Quốc Bảo", "Thị Hoa", "Minh Tâm", "Thanh Tùng", "Ngọc Hân", "Hữu Phước", "Thị Lan"];
}
