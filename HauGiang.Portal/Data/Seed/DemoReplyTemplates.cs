using HauGiang.Portal.Domain;

namespace HauGiang.Portal.Data.Seed;

/// <summary>
/// A few reply templates of the kind a ward office keeps (decision 015): shared ones for every unit and one kept by
/// the head of Phường Vị Thanh for the ward's own street-light team.
/// </summary>
internal static class DemoReplyTemplates
{
    private const string AdminName = "Quản trị hệ thống";

    private static readonly (ReportAction Action, string? CategoryCode, string? UnitCode, string Title, string Text)[] Rows =
    [
        (ReportAction.PublicUpdate, null, null, "Đã tiếp nhận, đang xử lý",
            "Đã tiếp nhận phản ánh {mã} về {lĩnh vực} tại {địa chỉ}; {đơn vị} sẽ xử lý trước ngày {hạn}."),
        (ReportAction.Reply, null, null, "Đã xử lý xong",
            "Cảm ơn Ông/Bà đã phản ánh. {đơn vị} đã kiểm tra và xử lý phản ánh {mã} về {lĩnh vực} tại {địa chỉ}. Kết quả: "),
        (ReportAction.Reject, null, null, "Chưa đủ thông tin để xác minh",
            "Phản ánh {mã} chưa đủ thông tin để xác minh (vị trí cụ thể, hình ảnh hiện trường). Đề nghị Ông/Bà gửi lại phản ánh kèm địa chỉ và hình ảnh."),
        (ReportAction.Transfer, null, null, "Không thuộc thẩm quyền",
            "Phản ánh {mã} về {lĩnh vực} tại {địa chỉ} không thuộc thẩm quyền giải quyết của {đơn vị}; chuyển đơn vị có thẩm quyền xem xét, xử lý theo quy định."),
        (ReportAction.Reply, "rac-thai", null, "Đã thu gom rác",
            "{đơn vị} đã chỉ đạo tổ vệ sinh môi trường thu gom, xử lý rác thải tại {địa chỉ}; khu vực đã được vệ sinh sạch sẽ. Cảm ơn Ông/Bà đã phản ánh (mã {mã})."),
        (ReportAction.Reply, "lan-chiem-via-he", null, "Đã xử lý lấn chiếm",
            "{đơn vị} đã kiểm tra, lập biên bản và yêu cầu các hộ kinh doanh tại {địa chỉ} tháo dỡ, trả lại vỉa hè, lòng đường; sẽ tiếp tục kiểm tra, xử lý nếu tái phạm."),
        (ReportAction.PublicUpdate, "ngap-nuoc", null, "Đang khơi thông cống",
            "{đơn vị} đã cử lực lượng khơi thông cống thoát nước tại {địa chỉ}; dự kiến hoàn thành trước ngày {hạn}."),
        (ReportAction.Reply, "den-chieu-sang", ReferenceData.WardUnitCode("31321"), "Đã sửa đèn (tổ dịch vụ đô thị)",
            "Tổ dịch vụ đô thị {đơn vị} đã thay bóng, sửa chữa đèn chiếu sáng tại {địa chỉ}; đèn đã hoạt động bình thường. Cảm ơn Ông/Bà đã phản ánh."),
    ];

    public static IEnumerable<ReplyTemplate> Create(IReadOnlyList<Category> categories, IReadOnlyList<Unit> units, DateTime now)
    {
        foreach (var (action, categoryCode, unitCode, title, text) in Rows)
        {
            var unitId = unitCode is null ? null : units.FirstOrDefault(u => u.Code == unitCode)?.Id;
            yield return new ReplyTemplate
            {
                Action = action,
                CategoryId = categoryCode is null ? null : categories.FirstOrDefault(c => c.Code == categoryCode)?.Id,
                UnitId = unitId,
                Title = title,
                Text = text,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = unitId is null ? AdminName : "Võ Minh Tâm",
            };
        }
    }
}
