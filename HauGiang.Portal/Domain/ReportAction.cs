namespace HauGiang.Portal.Domain;

/// <summary>What a user can do to a report (the officer's buttons).</summary>
public enum ReportAction
{
    Accept,            // Tiếp nhận
    Assign,            // Phân công
    AddNote,           // Cập nhật tiến độ (internal)
    PublicUpdate,      // Cập nhật tiến độ (public)
    Reply,             // Trả lời → resolved
    Transfer,          // Chuyển xử lý
    Return,            // Trả lại (to coordinators)
    Reject,            // Từ chối
    MarkDuplicate,     // Đánh dấu trùng
    RequestExtension,  // Xin gia hạn
    ApproveExtension,  // Duyệt gia hạn
    RefuseExtension,   // Không duyệt gia hạn
    Escalate,          // Chuyển cấp trên
    Reopen,            // Mở lại
    SetVisibility,     // Công khai / Không công khai
    Close,             // Đóng
    Route,             // Coordinators route a report that has no unit
}
