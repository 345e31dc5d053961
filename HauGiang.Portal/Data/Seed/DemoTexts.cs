namespace HauGiang.Portal.Data.Seed;

/// <summary>
/// Natural Vietnamese texts used to generate deterministic demo data (reports, notes, replies, officer names).
/// Descriptions may contain the placeholder <c>{street}</c>, which the seeder replaces with one of <see cref="Streets"/>.
/// </summary>
internal static class DemoTexts
{
    /// <summary>Citizen report descriptions keyed by category code.</summary>
    public static IReadOnlyDictionary<string, string[]> Descriptions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["lan-chiem-via-he"] =
        [
            "Quán cà phê ở {street} bày bàn ghế ra hết vỉa hè, người đi bộ phải đi xuống lòng đường.",
            "Mấy hôm nay mấy xe bán trái cây đậu kín lề đường gần chợ, chiều tan tầm kẹt xe dữ lắm.",
            "Tiệm sửa xe đầu hẻm để xe khách tràn ra gần nửa lòng đường, buổi tối không có đèn rất dễ đụng.",
            "Vỉa hè trước nhà số 45 {street} bị dựng mái che, kê hàng hóa kín lối đi. Đề nghị kiểm tra.",
            "Từ sáng nay có người dựng lều bán hàng ngay trên vỉa hè trước trường tiểu học, học sinh tan học phải đi dưới lòng đường.",
            "Lấn chiếm vỉa hè ở {street}, chỗ này nhắc nhiều lần rồi mà vẫn vậy.",
            "Quán nhậu ở {street} tối nào cũng kê bàn ra tận mép đường, khách đậu xe lộn xộn. Xe cứu thương đi qua cũng khó.",
            "Nhà dân đổ bậc tam cấp lấn ra vỉa hè gần 1 mét, làm xong còn lót gạch men trơn trượt, người già đi qua dễ té.",
            "Cửa hàng vật liệu xây dựng để cát, đá, sắt thép trên lề đường ở {street} cả tuần nay. Mưa xuống cát trôi đầy đường.",
            "Dãy hàng rong trước cổng bệnh viện chiếm hết lối đi, người nhà bệnh nhân đẩy xe lăn không qua được.",
            "Vỉa hè gần chợ bị chiếm làm chỗ giữ xe thu tiền, người đi bộ không còn chỗ đi.",
            "Có người căng bạt, kê sạp bán cá ngay lòng đường {street} từ 5 giờ sáng, nước tanh chảy lênh láng.",
            "Tiệm rửa xe để vòi nước với xe máy ra tận lòng đường, nước chảy tràn ra đường rất trơn.",
            "Cuối tuần hàng bông, hàng trái cây kê ra tới giữa đường ở {street}, xe hơi không qua được.",
        ],
        ["xay-dung-trai-phep"] =
        [
            "Nhà ở {street} đang xây thêm tầng 3, không thấy treo giấy phép xây dựng.",
            "Mấy hôm nay có người đổ móng, dựng cột xây nhà trên đất ruộng ở {street}. Đề nghị kiểm tra xem có phép không.",
            "Công trình cạnh nhà tôi xây lấn qua ranh đất khoảng 20 phân, đã nói mà chủ nhà không chịu dừng.",
            "Có người cất nhà sàn lấn ra mé kênh Xà No, đóng cừ tràm lấn dòng chảy.",
            "Công trình đầu hẻm làm tới 10 giờ đêm, xe chở vật liệu đậu chắn hẻm, không có bảng thông tin công trình.",
            "Nhà ở {street} xin phép sửa chữa nhưng thực tế đập bỏ xây mới hoàn toàn.",
            "Xây dựng không phép gần chợ, chiều nay thấy đang đổ bê tông.",
            "Có người đang san lấp, xây tường rào bao đất ven {street}, nghe nói là đất hành lang an toàn đường bộ.",
            "Công trình xây dựng không che chắn, gạch vụn rơi xuống hẻm suýt trúng người đi đường.",
            "Nhà kế bên xây ban công đưa ra ngoài đường hơn 1 mét, vượt chỉ giới xây dựng.",
            "Một hộ dựng nhà tiền chế làm kho chứa lúa trên đất ruộng trong ấp, không thấy giấy tờ gì.",
            "Đề nghị kiểm tra công trình ở {street}, xây cao hơn mấy căn xung quanh nhiều, nghi là sai phép.",
            "Có hộ đang lấp mương thoát nước chung của xóm để xây nhà, mưa xuống nước không thoát được.",
        ],
        ["quang-cao-sai-phep"] =
        [
            "Băng rôn quảng cáo khai trương treo ngang {street} bị đứt một đầu, gió thổi bay phần phật xuống sát mặt đường.",
            "Trụ điện ở {street} bị dán đầy quảng cáo khoan cắt bê tông, cho vay tiền. Xóa rồi mấy hôm lại dán.",
            "Bảng hiệu quán karaoke dựng ra tận mép đường, che khuất tầm nhìn ở ngã ba.",
            "Có người đặt bảng quảng cáo chữ A ngay giữa vỉa hè gần chợ, tối không có đèn dễ vấp.",
            "Biển quảng cáo trên nóc nhà ở {street} bị bung khung sắt, mưa gió sợ rớt xuống đường.",
            "Tờ rơi cho vay nóng dán đầy trên tường rào trường tiểu học, nhìn rất phản cảm.",
            "Băng rôn của cửa hàng điện thoại treo trên cây xanh, buộc dây kẽm siết vào thân cây.",
            "Xe gắn loa quảng cáo chạy vòng vòng trong khu dân cư từ sáng sớm, mở rất lớn.",
            "Bảng hiệu đèn LED nhấp nháy chiếu thẳng vào nhà đối diện suốt đêm, không ngủ được.",
            "Phướn quảng cáo cắm dày đặc dọc dải phân cách {street}, nhiều cây đã ngã xuống đường.",
            "Có người sơn số điện thoại quảng cáo thông cống, khoan giếng lên vỉa hè và tường nhà dân.",
            "Pano quảng cáo cũ ở đầu cầu đã rách bạt, khung rỉ sét mà không thấy ai tháo dỡ.",
            "Đề nghị kiểm tra bảng quảng cáo bán đất nền dựng trên đất công ở {street}.",
        ],
        ["rac-thai"] =
        [
            "Rác dồn thành đống ở đầu hẻm mấy hôm nay không ai gom, bốc mùi hôi thối.",
            "Có người chở xà bần, rác đổ trộm ở bãi đất trống cạnh {street} vào ban đêm.",
            "Xe rác mấy hôm nay không vô ấp, nhà nào cũng để rác trước cửa, chó mèo bới tung ra đường.",
            "Điểm tập kết rác gần chợ tràn ra lòng đường, nước rỉ rác chảy xuống cống, đi ngang phải bịt mũi.",
            "Rác ở {street} chưa được thu gom từ thứ Hai tới giờ.",
            "Sau buổi chợ chiều, tiểu thương bỏ lại nhiều thùng xốp, lá rau, cá ươn trên đường mà không ai dọn.",
            "Có hộ nuôi heo thải phân ra mương sau nhà, mùi hôi lan cả xóm, nhất là buổi tối.",
            "Thùng rác công cộng trước công viên bị bể nắp, rác vung vãi xung quanh.",
            "Ai đó vứt nguyên bao rác sinh hoạt xuống ven lộ ở {street}, đã mấy ngày rồi.",
            "Xin kiểm tra lịch thu gom rác khu vực {street}. Xe rác tới giờ không cố định, người dân không biết lúc nào mà bỏ rác ra.",
            "Bãi rác tự phát sau trường tiểu học ngày càng lớn, ruồi muỗi bay vào lớp học.",
            "Có người bỏ nệm cũ, tủ gỗ, bàn ghế hư ngay bên lề đường, chiếm gần hết lối đi.",
            "Công nhân thu gom làm rơi vãi rác dọc đường mà không quét lại.",
            "Xác chó chết nằm ven đường ở {street} từ sáng nay, đề nghị xử lý sớm.",
        ],
        ["o-nhiem-kenh-rach"] =
        [
            "Nước kênh Xà No đoạn gần cầu đen ngòm, bốc mùi, cá chết nổi trắng từ sáng nay.",
            "Cơ sở chế biến thủy sản xả nước thải thẳng ra rạch sau nhà, ban đêm mùi tanh nồng nặc.",
            "Lục bình với rác trôi dày đặc ở đoạn kênh gần {street}, ghe xuồng không qua lại được.",
            "Có người xả nước thải lò mổ heo ra mương, nước đổi màu đỏ.",
            "Mấy hôm nay nước rạch có váng dầu, nghi ghe sửa máy xả nhớt xuống sông.",
            "Cống thoát nước khu dân cư xả thẳng ra kênh, nước đen và hôi, trong khi người dân vẫn dùng nước kênh tưới rau.",
            "Người dân vứt rác, xác gà vịt xuống kênh ở {street}. Đề nghị nhắc nhở và vớt rác.",
            "Cá nuôi vèo chết hàng loạt, nghi nước bị ô nhiễm từ cơ sở sản xuất phía trên.",
            "Nhà máy gần {street} xả nước thải, mương xung quanh có bọt trắng và mùi hóa chất.",
            "Ao tù đọng nước cạnh khu dân cư lâu ngày bốc mùi, lăng quăng nhiều.",
            "Rạch nhỏ sau chợ bị rác lấp gần hết, nước không lưu thông được.",
            "Nhà vệ sinh cầu tõm vẫn còn dọc mé rạch trong ấp, đề nghị vận động tháo dỡ.",
            "Giếng khoan nhà tôi tự nhiên nước có mùi lạ, màu vàng, sợ bị nhiễm từ bãi rác gần đó.",
        ],
        ["tieng-on"] =
        [
            "Nhà ở {street} hát karaoke tới 12 giờ đêm, mở loa kẹo kéo rất lớn, ngày nào cũng vậy.",
            "Quán nhậu đầu hẻm mở nhạc tới khuya, nhậu la hét, người già con nít không ngủ được.",
            "Mấy hôm nay xưởng cưa gỗ chạy máy từ 5 giờ sáng, ồn không chịu nổi.",
            "Karaoke ồn ở {street}, đã nhắc mà vẫn hát.",
            "Có nhóm thanh niên rú ga, nẹt pô chạy qua lại trên {street} mỗi tối khoảng 11 giờ.",
            "Công trình gần nhà đóng cọc ban đêm, rung cả nhà, con nhỏ giật mình khóc hoài.",
            "Tiệm bán điện thoại mở nhạc quảng cáo cực lớn suốt ngày, ngay cạnh trạm y tế.",
            "Nhà có đám tiệc mở loa từ sáng nay tới giờ, âm lượng rất lớn, trong xóm có người đang bệnh.",
            "Quán karaoke gần chợ cách âm kém, cuối tuần hát xuyên đêm.",
            "Cơ sở xay xát lúa hoạt động cả đêm, tiếng máy và bụi ảnh hưởng cả xóm.",
            "Hàng xóm nuôi chó sủa suốt đêm, đã góp ý nhưng không cải thiện.",
            "Sân bóng đá mini ở {street} mở đèn, mở loa tới 11 giờ khuya.",
            "Ghe mua bán trên sông mở loa rao hàng từ 4 giờ sáng.",
        ],
        ["dot-rac-khoi-bui"] =
        [
            "Có hộ đốt rác ở bãi đất trống cạnh {street}, khói bay vào nhà dân, trẻ em ho liên tục.",
            "Mùa này người ta đốt rơm rạ ngoài đồng, khói trắng mù cả đoạn Quốc lộ 61, xe chạy không thấy đường.",
            "Lò than ở {street} xả khói đen mỗi tối, mùi khét nồng.",
            "Xe chở cát, đất không phủ bạt, rơi vãi đầy đường, bụi mù mịt.",
            "Từ sáng nay có người đốt dây điện, nhựa để lấy đồng ở đầu hẻm, khói đen và mùi rất độc.",
            "Công trình làm đường không tưới nước, bụi bay vào nhà, quán ăn hai bên đường buôn bán không được.",
            "Bãi rác gần trường tiểu học bị đốt âm ỉ mấy ngày nay, khói bay vào lớp học.",
            "Lò sấy lúa hoạt động liên tục, tro trấu bay đầy mái nhà, phơi đồ không được.",
            "Có người đốt lá cây, rác vườn mỗi chiều sát vách nhà người khác.",
            "Xưởng gỗ ở {street} chà nhám không có lưới chắn, bụi gỗ bay sang nhà bên cạnh.",
            "Đốt rác ở {street}, khói nhiều lắm.",
            "Trạm trộn bê tông gần khu dân cư gây bụi, xe bồn ra vào làm đường lầy lội.",
            "Quán nướng bày lò ngoài vỉa hè, khói bay kín đoạn đường mỗi buổi tối.",
        ],
        ["duong-hu-hong"] =
        [
            "Ổ gà lớn giữa đường ở {street}, mưa xuống đọng nước không thấy, tối qua có người té xe.",
            "Mặt đường ở {street} bong tróc, lún sụt một đoạn dài gần chợ, xe tải chạy qua rất nguy hiểm.",
            "Đường bê tông vô ấp bị nứt gãy, sụt một bên mép, xe máy đi dễ té xuống mương.",
            "Nắp hố ga ở đầu hẻm bị bể, lỗ hổng ngay giữa đường. Đề nghị xử lý gấp.",
            "Cây cầu bê tông nhỏ bắc qua rạch bị hư lan can, trẻ em đi học qua rất nguy hiểm.",
            "Đơn vị thi công cáp đào đường ở {street} rồi tái lập không phẳng, gồ lên một đoạn.",
            "Mấy hôm nay mặt đường trước trường tiểu học xuất hiện hố sâu khoảng 20 phân.",
            "Đường đal ven kênh bị sạt lở, mất một phần mặt đường mà chưa có biển cảnh báo.",
            "Ổ gà ở {street}.",
            "Gờ giảm tốc tự phát người dân đổ xi măng quá cao, xe máy đi qua bị xóc mạnh, đã có người té.",
            "Đường mới nâng cấp chưa được bao lâu đã bể nhiều chỗ, đá văng tung tóe.",
            "Khe co giãn cầu ở {street} bị hở lớn, bánh xe máy dễ bị kẹt.",
            "Đường đất vô xóm lầy lội sau mưa, học sinh phải lội bùn đi học. Đề nghị xem xét rải đá tạm.",
        ],
        ["den-chieu-sang"] =
        [
            "Đèn đường ở {street} tắt cả dãy mấy hôm nay, tối đen như mực.",
            "Trụ đèn chiếu sáng gần chợ ban ngày thì sáng mà tối lại tắt.",
            "Đèn đường đầu hẻm chập chờn, lúc sáng lúc tắt. Khu này hay có trộm.",
            "Trụ đèn ở {street} bị xe tông nghiêng, dây điện lòi ra ngoài.",
            "Đoạn đường từ cầu vô ấp chưa có đèn chiếu sáng, tối người dân đi lại rất sợ.",
            "Bóng đèn trước trường tiểu học hư hơn một tuần, phụ huynh đón con buổi tối không thấy đường.",
            "Tủ điện điều khiển đèn đường bị mở cửa, dây nhợ lung tung, trẻ em hay chơi gần đó.",
            "Đèn công viên ở {street} hư gần hết, buổi tối thanh niên tụ tập.",
            "Đèn trang trí trên cầu không sáng từ đầu tháng tới giờ.",
            "Cây xanh che khuất đèn đường, phía dưới tối om.",
            "Đèn đường ở {street} vẫn sáng lúc 10 giờ sáng, lãng phí điện.",
            "Trụ đèn bị rỉ sét chân đế, lung lay, gió lớn sợ ngã.",
            "Đèn năng lượng mặt trời lắp dọc đường vô ấp hư nhiều bóng, chỉ sáng được chút xíu rồi tắt.",
        ],
        ["ngap-nuoc"] =
        [
            "Mưa chừng 30 phút là {street} ngập tới nửa bánh xe, nước rút rất chậm.",
            "Triều cường dâng mấy hôm nay, nước tràn qua đường ven kênh, nhà dân thấp bị ngập.",
            "Cống thoát nước đầu hẻm bị rác bít kín, mưa xuống nước tràn vô nhà.",
            "Miệng cống trước chợ bị lấp đất, nước không thoát được, đọng lại bốc mùi.",
            "Ngập ở {street} sau cơn mưa chiều nay, xe chết máy nhiều.",
            "Đường trước trường tiểu học ngập sâu mỗi lần mưa, học sinh phải lội nước.",
            "Nắp cống bị mất, nước ngập che hết không thấy, rất nguy hiểm cho người đi đường.",
            "Đê bao bị rò rỉ, nước tràn vào ruộng lúa và mấy nhà cuối ấp.",
            "Công trình nâng đường làm mặt đường cao hơn nhà dân, giờ mưa xuống nước chảy hết vô nhà.",
            "Mương thoát nước sau khu dân cư ở {street} bị bồi lắng, cỏ mọc kín. Đề nghị nạo vét.",
            "Hố ga ở {street} bốc mùi hôi thối, nắp hở, muỗi nhiều.",
            "Cống hộp qua đường bị sập một phần, nước chảy chậm, mặt đường phía trên có dấu hiệu lún.",
            "Mưa lớn từ tối qua, nước vô nhà khoảng 20 phân, nhiều hộ phải kê đồ lên cao.",
        ],
        ["cay-xanh"] =
        [
            "Cây dầu lớn ở {street} nghiêng hẳn về phía đường sau trận mưa tối qua, sợ ngã đè người.",
            "Nhánh cây gãy treo lơ lửng trước trường tiểu học, học sinh đi ngang rất nguy hiểm.",
            "Cây xanh ngã chắn ngang {street}, xe không qua được.",
            "Cây me tây trước nhà bị mục gốc, có nhiều tổ mối. Đề nghị kiểm tra, chặt hạ.",
            "Cành cây vướng vào dây điện ở đầu hẻm, mỗi lần gió lớn là tóe lửa.",
            "Cây dừa trên đất công ven đường có trái khô sắp rụng, ngay chỗ người đi bộ.",
            "Gốc cây bị xe tông bật rễ, vỉa hè bị đội lên gồ ghề.",
            "Sau cơn giông chiều nay mấy cây xanh ở {street} gãy nhánh, cành lá nằm dưới lòng đường.",
            "Cây xanh gần chợ tán quá rậm, che hết biển báo và đèn đường. Đề nghị cắt tỉa.",
            "Có người tự ý chặt cây xanh trên vỉa hè trước nhà để làm bảng hiệu.",
            "Cây bạch đàn trồng ven kênh ngã ra sông, cản ghe xuồng qua lại.",
            "Cây bàng trong sân trường có cành lớn bị nứt, sợ rơi trúng học sinh giờ ra chơi.",
            "Cây gãy ở {street}, chưa ai dọn.",
        ],
        ["bien-bao-giao-thong"] =
        [
            "Đèn tín hiệu giao thông ở ngã tư {street} bị hư, chỉ nháy vàng, giờ cao điểm rất lộn xộn.",
            "Biển báo giới hạn tốc độ bị cây che khuất hoàn toàn, xe chạy qua không thấy.",
            "Biển báo cấm dừng đỗ bị xe tông ngã nằm bên lề đường mấy hôm nay.",
            "Trước trường tiểu học chưa có biển báo khu vực trường học và vạch cho người đi bộ, xe chạy rất nhanh.",
            "Đèn xanh cho người đi bộ ở {street} quá ngắn, người lớn tuổi qua đường không kịp.",
            "Vạch sơn kẻ đường ở {street} mờ hết, tối chạy không phân biệt được làn.",
            "Ngã ba vô chợ không có gương cầu lồi, xe từ hẻm chạy ra hay va chạm.",
            "Biển chỉ dẫn còn ghi tên xã cũ trước sáp nhập, người ở xa tới bị chạy lộn đường.",
            "Đèn tín hiệu bị lệch hướng, đứng ở làn bên này nhìn không thấy đèn.",
            "Cầu yếu nhưng không còn biển báo tải trọng, xe tải lớn vẫn chạy qua.",
            "Đoạn đường cong gần cầu thiếu biển cảnh báo nguy hiểm, đã xảy ra mấy vụ tai nạn.",
            "Biển báo ở {street} bị bẻ cong, dán quảng cáo che hết chữ.",
            "Đèn giao thông ở {street} bật đèn xanh hai hướng cùng lúc, rất nguy hiểm.",
        ],
        ["an-ninh-trat-tu"] =
        [
            "Nhóm thanh niên tụ tập uống rượu, gây gổ ở đầu hẻm mỗi tối, người dân đi ngang bị chọc ghẹo.",
            "Mấy hôm nay trong xóm bị mất trộm xe đạp, gà vịt liên tục, nghi có người lạ ra vào ban đêm.",
            "Có nhóm đua xe trên {street} lúc khuya, chạy tốc độ cao, lạng lách.",
            "Nghi có tụ điểm cờ bạc trong căn nhà cuối hẻm ở {street}, người lạ ra vào thường xuyên.",
            "Trước cổng trường tiểu học có người lạ hay đứng làm quen với học sinh, phụ huynh rất lo.",
            "Có người say xỉn nằm giữa đường gần chợ, la hét, chửi bới người qua lại.",
            "Tối qua có đánh nhau trước quán nhậu ở {street}, có cầm theo hung khí.",
            "Có đối tượng lạ tới đòi nợ thuê, tạt sơn, mắm tôm vô nhà dân trong xóm.",
            "Trẻ em bán vé số ở khu chợ có dấu hiệu bị người lớn dắt tới, ép khách mua.",
            "Bãi đất trống sau khu dân cư thành chỗ tụ tập hút chích, thấy kim tiêm vứt bừa bãi.",
            "Tờ rơi cho vay nặng lãi dán khắp nơi, có người trong xóm bị đe dọa.",
            "Mất an ninh ở {street}, ban đêm hay có người đi xe không biển số chạy lòng vòng.",
            "Nhà trọ ở {street} có nhiều người ra vào, không thấy khai báo tạm trú. Đề nghị kiểm tra.",
        ],
        ["dau-xe-sai-quy-dinh"] =
        [
            "Xe tải đậu qua đêm hai bên {street}, chiếm hết một làn, tối rất dễ đụng.",
            "Chợ tự phát họp ngay trên {street} từ 5 giờ sáng, bán buôn tràn ra giữa đường.",
            "Xe khách dừng đón trả khách ngay ngã tư gần chợ, gây kẹt xe.",
            "Xe hơi đậu chắn trước cổng nhà tôi từ tối qua tới giờ, không liên lạc được chủ xe.",
            "Phụ huynh đậu xe dàn hàng ba trước trường tiểu học giờ tan học, kẹt cứng cả đoạn.",
            "Xe ba gác, xe tải nhỏ đậu lấn đường chờ bốc hàng trước vựa trái cây.",
            "Đậu xe sai quy định ở {street}.",
            "Có bãi giữ xe tự phát trên vỉa hè trước bệnh viện, thu tiền cao.",
            "Xe container đậu ven Quốc lộ 61 gần khu dân cư nhiều ngày, che khuất tầm nhìn chỗ đường nhánh ra.",
            "Chợ chồm hổm họp ở đầu hẻm buổi chiều, xe máy dừng mua hàng chắn hết lối đi.",
            "Ô tô đậu trên vỉa hè {street}, người đi bộ phải đi xuống lòng đường.",
            "Xe chở heo, chở cá đậu ven đường xịt rửa thùng xe, nước dơ chảy ra đường.",
            "Xe tải bỏ lâu ngày ở {street}, không biển số, rỉ sét, cỏ mọc xung quanh.",
        ],
        ["an-toan-thuc-pham"] =
        [
            "Quán cơm gần chợ sơ chế thức ăn ngay dưới đất, cạnh cống nước, ruồi bu đầy.",
            "Cả nhà tôi bị đau bụng, tiêu chảy sau khi ăn bánh mì mua ở {street} sáng nay.",
            "Tiệm tạp hóa ở {street} bán bánh kẹo hết hạn sử dụng, nhiều gói không có nhãn mác.",
            "Cơ sở làm bún ở đầu hẻm nghi dùng hóa chất tẩy trắng, cơ sở rất dơ, nước thải hôi.",
            "Căng tin trường tiểu học bán nước ngọt, đồ ăn vặt không rõ nguồn gốc cho học sinh.",
            "Điểm giết mổ heo không qua kiểm dịch, mổ ngay ngoài sân, thịt chở thẳng ra chợ.",
            "Xe bán đồ ăn sáng dùng dầu chiên đen đặc, chiên đi chiên lại nhiều lần.",
            "Sạp bán khô cá ở chợ xịt thuốc gì đó lên cá để đuổi ruồi.",
            "Nghi cơ sở sản xuất nước đá ở {street} dùng nước không qua xử lý.",
            "Người bán rau ở chợ nói rau mới xịt thuốc hôm qua. Đề nghị kiểm tra dư lượng thuốc.",
            "Nhiều công nhân bị ngộ độc sau bữa cơm trưa do bếp ăn tập thể nấu. Đề nghị kiểm tra gấp.",
            "Quán trà sữa gần trường không có giấy chứng nhận vệ sinh an toàn thực phẩm, nguyên liệu không rõ nguồn gốc.",
            "Có người bán thịt heo màu lạ, có mùi ở chợ chiều gần {street}.",
        ],
        ["dich-benh"] =
        [
            "Trong xóm đã có 3 người bị sốt xuất huyết trong tuần này, muỗi rất nhiều. Đề nghị phun thuốc.",
            "Mấy hôm nay muỗi nhiều bất thường ở {street}, chai lọ, vỏ xe chứa nước mưa khắp nơi.",
            "Nhà bỏ hoang cuối hẻm có hồ nước đọng, lăng quăng đầy mà không ai dọn.",
            "Lớp mẫu giáo gần nhà có mấy bé bị tay chân miệng, phụ huynh lo lắng.",
            "Heo nuôi trong ấp chết nhiều, nghi dịch tả heo châu Phi, có người vứt xác heo xuống kênh.",
            "Đề nghị phun thuốc diệt muỗi khu vực {street}, nhà tôi có hai đứa nhỏ đang sốt.",
            "Vườn kiểng bỏ hoang nhiều chậu, lu chứa nước gần trường tiểu học, muỗi vằn rất nhiều.",
            "Chó thả rông cắn người ở {street}, không đeo rọ mõm, nghi chưa tiêm phòng dại.",
            "Gà vịt chết rải rác trong xóm, có hộ vẫn đem gà bệnh ra chợ bán.",
            "Bãi rác tự phát sinh ruồi nhặng, chuột rất nhiều, sợ lây bệnh.",
            "Công trình xây dựng bỏ dở có hố nước đọng lâu ngày, thành ổ muỗi.",
            "Nhà vệ sinh công cộng ở chợ dơ bẩn, không có nước, mùi lan qua khu bán thức ăn.",
            "Nghi có ổ dịch sốt xuất huyết ở {street}. Đề nghị y tế xuống kiểm tra và vận động diệt lăng quăng.",
        ],
        ["truong-hoc"] =
        [
            "Tường rào trường tiểu học ở {street} bị nứt, nghiêng ra ngoài, học sinh hay đứng chơi gần đó.",
            "Phòng học ở điểm trường trong ấp bị dột khi mưa, các em phải dời bàn ghế né nước.",
            "Nhà vệ sinh học sinh không có nước, rất dơ, các em nín không dám đi vệ sinh.",
            "Đầu năm học trường thu nhiều khoản ngoài quy định, phụ huynh hỏi mà không được giải thích rõ.",
            "Tiệm game gần trường mở cửa trong giờ học, học sinh trốn học vô chơi.",
            "Điểm giữ trẻ tự phát ở {street} nhận cả chục cháu, nhà chật, không rõ có giấy phép không.",
            "Quạt trần trong lớp học lung lay, sợ rớt trúng học sinh.",
            "Cổng trường giờ tan học không có người hướng dẫn giao thông, xe chạy ẩu.",
            "Sân trường đọng nước sau mưa nhiều ngày, rêu trơn, đã có em bị té.",
            "Giáo viên dạy thêm tại nhà có thu tiền, học sinh lớp mình chủ nhiệm gần như bắt buộc phải đi học.",
            "Cây cầu khỉ dẫn vào điểm trường trong ấp đã mục, học sinh ngày nào cũng phải qua.",
            "Bếp ăn bán trú của trường mầm non ở {street} có mùi hôi, phụ huynh muốn được kiểm tra.",
            "Bàn ghế, bảng trong lớp học hư hỏng nhiều, học sinh phải ngồi chen chúc.",
        ],
        ["dien-nguy-hiem"] =
        [
            "Dây điện ở {street} bị đứt, sà xuống thấp gần tới đầu người, xe tải đi qua dễ vướng.",
            "Mất điện từ sáng nay tới giờ ở khu vực {street}, không thấy thông báo cắt điện.",
            "Trụ điện trước trường tiểu học bị nghiêng, chân trụ nứt, sợ ngã.",
            "Dây điện câu nhờ chằng chịt qua hẻm, mưa xuống là tóe lửa.",
            "Tủ điện kế ở chợ bị mở nắp, dây trần lòi ra, trẻ con hay chơi gần đó.",
            "Điện chập chờn mấy hôm nay, lúc mạnh lúc yếu, hư mấy cái quạt rồi.",
            "Có người giăng điện bẫy chuột ngoài ruộng, rất nguy hiểm cho người đi thăm đồng ban đêm.",
            "Dây cáp viễn thông rớt xuống đường ở {street}, quấn vào xe máy làm té người.",
            "Cúp điện ở {street} từ 2 giờ chiều, trời nóng quá, người già chịu không nổi.",
            "Trạm biến áp gần nhà kêu lụp bụp, có mùi khét.",
            "Cây đổ đè lên đường dây trung thế ở đầu ấp, dây võng sát mặt đất.",
            "Mối nối trên trụ điện có tia lửa sau trận mưa chiều nay.",
            "Nhà dân kéo điện qua sông bằng dây tạm, treo thấp, ghe qua lại dễ vướng.",
        ],
        ["cap-nuoc"] =
        [
            "Mất nước từ sáng nay ở {street}, không thấy thông báo trước.",
            "Ống nước bị vỡ ở đầu hẻm, nước phun lên mặt đường cả buổi, lãng phí quá.",
            "Nước máy mấy hôm nay có mùi phèn, màu vàng đục, không dám nấu ăn.",
            "Nước yếu quá, chỉ chảy được vào ban đêm, lầu một không lên nước.",
            "Đơn vị thi công làm bể ống cấp nước ở {street} rồi bỏ đó, nước chảy lênh láng.",
            "Ấp chưa có nước sạch, người dân vẫn xài nước sông. Đề nghị xem xét kéo đường ống.",
            "Đồng hồ nước nhà tôi bị rò rỉ ở khớp nối, đã báo bên cấp nước mà chưa thấy ai tới.",
            "Nước có mùi clo rất nồng, uống không được.",
            "Trụ cứu hỏa trên {street} bị rò rỉ nước liên tục.",
            "Trạm cấp nước nông thôn trong ấp ngưng hoạt động mấy ngày nay, dân không có nước xài.",
            "Mất nước ở {street} 2 ngày rồi.",
            "Nắp hộp đồng hồ nước bị bể, thành hố sâu trên vỉa hè, người đi bộ dễ sụp chân.",
            "Nước máy có cặn đen, lọc qua khăn thấy rõ, nhà có con nhỏ rất lo.",
        ],
        ["khac"] =
        [
            "Bến đò ngang ở {street} không có áo phao cho khách, đò chở quá tải.",
            "Chó thả rông ngoài đường nhiều, rượt cắn người đi xe đạp.",
            "Nhà chờ xe buýt ở {street} bị hư mái, ghế ngồi gãy.",
            "Công viên ở {street} có dụng cụ tập thể dục hư hỏng, cạnh sắt nhọn nguy hiểm cho trẻ em.",
            "Có trâu bò thả rông ra đường lộ, ban đêm xe chạy rất dễ tông.",
            "Đề nghị bố trí thêm thùng rác và ghế đá ở khu vực bờ kè.",
            "Nhà vệ sinh công cộng ở bến xe xuống cấp, khóa cửa không cho sử dụng.",
            "Có người dùng xung điện bắt cá dưới kênh ở {street}, tận diệt cá nhỏ.",
            "Bờ kè ven sông có vết nứt dài, đất phía sau bị sụt, sợ sạt lở.",
            "Bảng tên đường, số nhà ở {street} chưa được gắn lại sau khi nâng cấp đường, shipper tìm không ra.",
            "Hồ bơi tư nhân không có người cứu hộ, trẻ em tự vô bơi.",
            "Đề nghị xem xét lắp camera an ninh ở đầu hẻm, đoạn này vắng và tối.",
            "Sạt lở bờ sông trong ấp, một phần nhà dân đã bị nứt, cần di dời gấp.",
        ],
    };

    /// <summary>Street, road and place names in the former Hậu Giang province (replacement values for <c>{street}</c>).</summary>
    public static string[] Streets { get; } =
    [
        "đường Trần Hưng Đạo",
        "đường 3 Tháng 2",
        "đường Nguyễn Công Trứ",
        "đường Lê Hồng Phong",
        "đường Hòa Bình",
        "đường 1 Tháng 5",
        "đường Nguyễn Huệ",
        "đường Trần Quang Diệu",
        "đường 30 Tháng 4",
        "đường Võ Văn Kiệt",
        "đường Lê Quý Đôn",
        "đường Nguyễn Thái Học",
        "đường Châu Văn Liêm",
        "đường Ngô Quốc Trị",
        "đường 19 Tháng 8",
        "đường Võ Nguyên Giáp",
        "đường Hùng Vương",
        "đường Lê Lợi",
        "đường Nguyễn Trãi",
        "đường Nguyễn Trung Trực",
        "Quốc lộ 61",
        "Quốc lộ 61C",
        "Quốc lộ 1A",
        "Quốc lộ Nam Sông Hậu",
        "Đường tỉnh 931",
        "Đường tỉnh 931B",
        "Đường tỉnh 930",
        "Đường tỉnh 927",
        "Đường tỉnh 928",
        "Đường tỉnh 925",
        "kênh Xà No",
        "đường ven kênh Xà No",
        "kênh Lái Hiếu",
        "kênh Nàng Mau",
        "bờ kè sông Cái Lớn",
        "chợ Ngã Bảy",
        "chợ nổi Ngã Bảy",
        "chợ Vị Thanh",
        "chợ Long Mỹ",
        "chợ Trà Lồng",
        "chợ Cây Dương",
        "chợ Kinh Cùng",
        "chợ Một Ngàn",
        "chợ Rạch Gòi",
        "chợ Cái Tắc",
        "chợ Mái Dầm",
        "chợ Vĩnh Tường",
        "bến xe Vị Thanh",
        "hẻm 12 đường Lê Hồng Phong",
        "hẻm 5 đường Trần Hưng Đạo",
        "hẻm 27 đường 3 Tháng 2",
        "hẻm 8 đường Nguyễn Công Trứ",
        "ấp Long Hòa",
        "ấp Thạnh Lợi",
        "ấp Tân Phú",
        "ấp Bình Thạnh A",
        "ấp Mỹ Hiệp",
        "khu vực 4",
    ];

    /// <summary>Short internal notes written by officers (never shown to the citizen).</summary>
    public static string[] InternalNotes { get; } =
    [
        "Đã liên hệ tổ dân phố để xác minh sơ bộ, chờ phản hồi.",
        "Chuyển đội trật tự đô thị kiểm tra thực tế chiều nay.",
        "Đã gọi điện cho người phản ánh nhưng không liên lạc được, sẽ gọi lại sau.",
        "Cán bộ địa chính đã xuống hiện trường, chụp ảnh, lập biên bản ghi nhận.",
        "Phối hợp công an kiểm tra vào buổi tối, khoảng 21 giờ.",
        "Đã báo trưởng ấp nhắc nhở hộ dân, hẹn 3 ngày sau kiểm tra lại.",
        "Trùng nội dung với phản ánh tuần trước cùng vị trí, đề nghị gộp xử lý.",
        "Đã báo Điện lực khu vực, chờ lịch khắc phục.",
        "Đã liên hệ đơn vị cấp nước, bên đó hẹn cử tổ sửa chữa trong ngày.",
        "Hiện trường thực tế khác ảnh gửi kèm, cần xác minh thêm vị trí chính xác.",
        "Xin ý kiến lãnh đạo về hướng xử lý do liên quan đất công.",
        "Chủ hộ cam kết tự tháo dỡ trước thứ Sáu, tiếp tục theo dõi.",
        "Trạm Y tế đã nhận thông tin, lên kế hoạch phun hóa chất cuối tuần.",
        "Chờ kết quả làm việc với chủ công trình, chưa trả lời người dân.",
        "Nội dung vượt thẩm quyền, đang chuẩn bị hồ sơ chuyển cấp trên.",
        "Đã nhắc nhở lần 2, nếu tái phạm sẽ lập biên bản xử phạt.",
        "Giao đồng chí phụ trách môi trường theo dõi, báo cáo kết quả.",
        "Đơn vị thu gom xác nhận xe rác bị hư, đã bố trí xe thay thế.",
        "Kiểm tra lúc 21 giờ 30, không còn tình trạng hát karaoke.",
        "Xác minh công trình chưa có giấy phép, đã lập biên bản đình chỉ thi công.",
        "Đã phối hợp Phòng Kinh tế kiểm tra cơ sở, lấy mẫu gửi kiểm nghiệm.",
        "Người phản ánh đề nghị giữ bí mật, lưu ý không ghi thông tin cá nhân trong biên bản.",
        "Đã báo đơn vị quản lý đường bộ, chờ đặt biển cảnh báo tạm.",
        "Ảnh hiện trường đã lưu hồ sơ, chờ lãnh đạo duyệt nội dung trả lời.",
    ];

    /// <summary>Public progress updates visible to the citizen.</summary>
    public static string[] ProgressUpdates { get; } =
    [
        "Đơn vị đã tiếp nhận và cử cán bộ kiểm tra hiện trường.",
        "Cán bộ đã kiểm tra thực tế, đang làm việc với các bên liên quan.",
        "Đơn vị đã ghi nhận phản ánh và phối hợp với ấp, khu vực để xác minh.",
        "Đã liên hệ đơn vị chuyên ngành để khắc phục, dự kiến hoàn thành trong tuần.",
        "Tổ công tác đã nhắc nhở, yêu cầu hộ kinh doanh cam kết chấp hành.",
        "Phản ánh đang được xử lý, đơn vị sẽ thông tin kết quả trong thời gian sớm nhất.",
        "Đơn vị đã làm việc với chủ công trình, yêu cầu tạm dừng thi công để kiểm tra hồ sơ.",
        "Đã bố trí lực lượng kiểm tra vào khung giờ người dân phản ánh.",
        "Đơn vị đang phối hợp với Trạm Y tế triển khai các biện pháp phòng, chống dịch.",
        "Đã yêu cầu đơn vị thu gom bố trí xe dọn rác tồn đọng.",
        "Đơn vị cấp nước đã cử tổ kỹ thuật khắc phục sự cố.",
        "Ngành điện đã tiếp nhận thông tin và đang kiểm tra tuyến dây.",
        "Đã đặt biển cảnh báo tạm thời tại vị trí nguy hiểm, chờ sửa chữa.",
        "Đơn vị đã lấy mẫu gửi kiểm nghiệm, sẽ thông báo khi có kết quả.",
        "Do cần thêm thời gian phối hợp liên ngành, thời hạn xử lý được gia hạn.",
        "Đơn vị đã ghi nhận, đề nghị người dân cung cấp thêm hình ảnh, vị trí cụ thể nếu có.",
        "Nội dung đã được báo cáo lãnh đạo để chỉ đạo xử lý.",
        "Tổ công tác sẽ tiếp tục kiểm tra, giám sát để tránh tái diễn.",
    ];

    /// <summary>Public final replies keyed by category code.</summary>
    public static IReadOnlyDictionary<string, string[]> Replies { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["lan-chiem-via-he"] =
        [
            "Ngay sau khi tiếp nhận phản ánh, tổ trật tự đô thị đã kiểm tra, yêu cầu các hộ kinh doanh thu dọn bàn ghế, hàng hóa lấn chiếm vỉa hè và ký cam kết không tái phạm. Đơn vị sẽ tiếp tục kiểm tra định kỳ tại khu vực này. Cảm ơn người dân đã phản ánh.",
            "Qua kiểm tra, tổ công tác đã lập biên bản vi phạm hành chính đối với hộ kinh doanh lấn chiếm lòng đường và tạm giữ một số vật dụng. Hiện vỉa hè đã được trả lại lối đi cho người đi bộ.",
            "Đơn vị đã phối hợp với ban nhân dân khu vực vận động các hộ tháo dỡ mái che, bục bệ lấn chiếm. Các hộ đã tự tháo dỡ trong ngày. Đơn vị ghi nhận và tiếp tục theo dõi.",
            "Tổ công tác đã kiểm tra hiện trường, nhắc nhở người bán hàng rong không buôn bán trên vỉa hè trước cổng trường, đồng thời bố trí lực lượng trực vào giờ tan học.",
            "Tổ công tác đã yêu cầu cửa hàng vật liệu xây dựng di dời toàn bộ cát, đá, sắt thép khỏi lề đường và vệ sinh mặt đường. Trường hợp tái phạm sẽ bị xử phạt theo quy định.",
        ],
        ["xay-dung-trai-phep"] =
        [
            "Qua kiểm tra, công trình chưa được cấp giấy phép xây dựng. Đơn vị đã lập biên bản, yêu cầu chủ đầu tư tạm dừng thi công và hoàn tất thủ tục theo quy định.",
            "Tổ công tác đã kiểm tra hồ sơ, công trình có giấy phép xây dựng hợp lệ và thi công đúng nội dung giấy phép. Đơn vị đã yêu cầu chủ công trình treo biển thông tin công trình và che chắn bảo đảm an toàn.",
            "Đơn vị đã lập biên bản vi phạm do xây dựng sai nội dung giấy phép, buộc chủ công trình tháo dỡ phần ban công vượt chỉ giới xây dựng. Việc khắc phục sẽ được kiểm tra lại trong thời hạn quy định.",
            "Đối với việc xây dựng trên đất nông nghiệp, đơn vị đã lập biên bản đình chỉ thi công và báo cáo cấp có thẩm quyền xử lý theo quy định của pháp luật về đất đai và xây dựng.",
            "Đơn vị đã mời các bên làm việc về việc xây dựng sát ranh đất; chủ công trình đồng ý tạm ngưng phần xây dựng giáp ranh để chờ đo đạc lại. Người phản ánh có thể liên hệ bộ phận một cửa để được hướng dẫn thêm.",
        ],
        ["quang-cao-sai-phep"] =
        [
            "Tổ công tác đã tháo dỡ băng rôn treo sai quy định, đồng thời nhắc nhở chủ cửa hàng thực hiện quảng cáo đúng quy định.",
            "Đơn vị đã phối hợp với Đoàn Thanh niên bóc, xóa quảng cáo rao vặt trên trụ điện, tường rào tại khu vực phản ánh và đề nghị xử lý các số điện thoại quảng cáo sai quy định.",
            "Qua kiểm tra, biển quảng cáo có nguy cơ rơi đổ. Đơn vị đã yêu cầu chủ nhà gia cố lại khung biển ngay trong ngày, hiện đã khắc phục xong.",
            "Tổ công tác đã thu giữ các bảng quảng cáo đặt trên vỉa hè và dải phân cách, lập biên bản đối với các trường hợp tái phạm.",
            "Đơn vị đã yêu cầu chủ cơ sở điều chỉnh độ sáng và thời gian hoạt động của bảng hiệu đèn LED, không gây ảnh hưởng đến các hộ dân xung quanh.",
        ],
        ["rac-thai"] =
        [
            "Ngay trong ngày tiếp nhận, đơn vị đã phối hợp với đơn vị thu gom dọn toàn bộ rác tồn đọng tại vị trí phản ánh và phun chế phẩm khử mùi.",
            "Đơn vị đã làm việc với đơn vị thu gom để bố trí lịch thu gom rác cố định tại khu vực, đồng thời thông báo lịch thu gom cho người dân qua ban nhân dân ấp, khu vực.",
            "Tổ công tác đã dọn dẹp điểm đổ rác tự phát, cắm biển cấm đổ rác và giao ban nhân dân ấp theo dõi. Trường hợp phát hiện đổ rác trái phép sẽ bị xử phạt theo quy định.",
            "Đơn vị đã kiểm tra, nhắc nhở hộ chăn nuôi và yêu cầu xử lý chất thải bằng hầm biogas, không thải ra môi trường. Đơn vị sẽ kiểm tra lại sau 15 ngày.",
            "Thùng rác công cộng bị hư đã được thay mới. Cảm ơn người dân đã quan tâm phản ánh.",
        ],
        ["o-nhiem-kenh-rach"] =
        [
            "Tổ công tác đã kiểm tra và lấy mẫu nước tại vị trí phản ánh để phân tích. Cơ sở xả thải đã được yêu cầu ngưng xả nước thải chưa qua xử lý và bị lập biên bản vi phạm.",
            "Đơn vị đã huy động lực lượng vớt lục bình, rác trên đoạn kênh được phản ánh, khơi thông dòng chảy cho ghe xuồng qua lại.",
            "Đơn vị đã phối hợp với cơ quan chuyên môn về môi trường kiểm tra nguyên nhân cá chết; kết quả sẽ được thông báo công khai khi có kết luận.",
            "Ban nhân dân ấp đã vận động các hộ dân tháo dỡ nhà vệ sinh trên kênh rạch và hướng dẫn xây dựng nhà tiêu hợp vệ sinh.",
            "Đơn vị đã xử lý ao tù đọng nước, đồng thời tuyên truyền người dân không vứt rác, xác động vật xuống kênh rạch.",
        ],
        ["tieng-on"] =
        [
            "Tổ công tác đã đến làm việc, nhắc nhở hộ gia đình không hát karaoke gây ồn sau 22 giờ. Chủ hộ đã cam kết chấp hành.",
            "Qua kiểm tra vào buổi tối, đơn vị đã lập biên bản vi phạm hành chính đối với cơ sở gây tiếng ồn vượt quy chuẩn cho phép.",
            "Đơn vị đã phối hợp với công an kiểm tra, xử lý các trường hợp điều khiển xe nẹt pô, gây tiếng ồn và tăng cường tuần tra vào ban đêm.",
            "Đơn vị đã yêu cầu chủ cơ sở sản xuất điều chỉnh giờ hoạt động, không vận hành máy móc trước 6 giờ sáng và sau 22 giờ.",
            "Tổ công tác đã vận động chủ quán lắp thêm vật liệu cách âm và giảm âm lượng. Đơn vị sẽ tiếp tục kiểm tra đột xuất.",
        ],
        ["dot-rac-khoi-bui"] =
        [
            "Tổ công tác đã dập tắt điểm đốt rác, nhắc nhở các hộ dân không đốt rác, nhựa ngoài trời và bàn giao rác cho đơn vị thu gom.",
            "Đơn vị đã yêu cầu chủ phương tiện vận chuyển vật liệu phủ bạt kín thùng xe, đồng thời phối hợp lực lượng chức năng xử phạt các trường hợp vi phạm.",
            "Đơn vị đã làm việc với đơn vị thi công, yêu cầu tưới nước giảm bụi ít nhất hai lần mỗi ngày và rửa bánh xe trước khi ra khỏi công trường.",
            "Đơn vị đã tuyên truyền bà con không đốt rơm rạ gần khu dân cư và tuyến quốc lộ, hướng dẫn tận dụng rơm rạ để trồng nấm, ủ phân.",
            "Qua kiểm tra, cơ sở sản xuất chưa có biện pháp xử lý khói bụi. Đơn vị đã lập biên bản và yêu cầu lắp đặt hệ thống thu bụi trong thời hạn quy định.",
        ],
        ["duong-hu-hong"] =
        [
            "Đơn vị quản lý đường đã vá ổ gà và hoàn trả mặt đường tại vị trí phản ánh. Cảm ơn người dân đã thông tin kịp thời.",
            "Tổ công tác đã đặt biển cảnh báo và rào chắn tạm tại vị trí sụt lún. Đoạn đường đã được đưa vào kế hoạch sửa chữa trong thời gian tới.",
            "Đơn vị đã thay nắp hố ga bị vỡ, bảo đảm an toàn cho người tham gia giao thông.",
            "Đơn vị đã yêu cầu đơn vị thi công cáp tái lập mặt đường đúng hiện trạng ban đầu. Việc tái lập đã hoàn thành và được nghiệm thu.",
            "Đối với gờ giảm tốc tự phát, tổ công tác đã vận động người dân tháo dỡ và hoàn trả mặt đường; việc bố trí gờ giảm tốc sẽ được xem xét theo đúng quy chuẩn.",
        ],
        ["den-chieu-sang"] =
        [
            "Đơn vị quản lý chiếu sáng đã thay bóng và sửa chữa tủ điều khiển; hệ thống đèn trên tuyến đã hoạt động bình thường.",
            "Đơn vị đã cô lập nguồn điện và dựng lại trụ đèn bị nghiêng, bảo đảm an toàn cho người đi đường.",
            "Đơn vị đã điều chỉnh lại bộ hẹn giờ, đèn chiếu sáng hoạt động đúng thời gian quy định.",
            "Tuyến đường chưa có đèn chiếu sáng đã được đưa vào danh mục đề xuất đầu tư. Trước mắt, đơn vị vận động người dân bật đèn trước nhà vào ban đêm.",
            "Tổ công tác đã cắt tỉa cây xanh che khuất đèn và khóa lại tủ điện, tránh nguy hiểm cho trẻ em.",
        ],
        ["ngap-nuoc"] =
        [
            "Đơn vị đã nạo vét, khơi thông cống thoát nước và hố ga tại vị trí phản ánh; sau cơn mưa gần nhất, nước đã rút nhanh.",
            "Đơn vị đã lắp đặt lại nắp cống bị mất và cắm biển cảnh báo tại khu vực thường xuyên ngập.",
            "Đơn vị đã huy động lực lượng gia cố đoạn đê bao bị rò rỉ, đồng thời hướng dẫn người dân theo dõi mực nước triều cường.",
            "Tình trạng ngập do hệ thống thoát nước trên tuyến chưa đồng bộ. Đơn vị đã báo cáo cấp trên đề xuất cải tạo; trước mắt bố trí máy bơm hỗ trợ khi mưa lớn.",
            "Tổ công tác đã phát quang cỏ và nạo vét mương thoát nước sau khu dân cư, bảo đảm dòng chảy thông suốt.",
        ],
        ["cay-xanh"] =
        [
            "Đơn vị đã cắt tỉa và hạ cây có nguy cơ ngã đổ, thu dọn cành nhánh, bảo đảm an toàn cho người đi đường.",
            "Ngay sau khi tiếp nhận, tổ công tác đã dọn cây ngã chắn đường; giao thông đã thông suốt.",
            "Đơn vị đã phối hợp với ngành điện cắt tỉa nhánh cây vướng đường dây điện.",
            "Qua kiểm tra, việc chặt cây xanh trên vỉa hè chưa được phép. Đơn vị đã lập biên bản và yêu cầu trồng lại cây theo quy định.",
            "Đơn vị đã phối hợp với nhà trường cắt bỏ cành cây bị nứt trong sân trường trước giờ học.",
        ],
        ["bien-bao-giao-thong"] =
        [
            "Đơn vị quản lý đã sửa chữa đèn tín hiệu giao thông tại nút giao, đèn đã hoạt động bình thường.",
            "Đơn vị đã dựng lại biển báo bị ngã và cắt tỉa cây che khuất biển báo.",
            "Đơn vị đã kiến nghị cơ quan quản lý đường bộ bổ sung biển báo khu vực trường học và sơn vạch cho người đi bộ qua đường.",
            "Đơn vị đã điều chỉnh chu kỳ đèn tín hiệu để người đi bộ có đủ thời gian qua đường.",
            "Biển chỉ dẫn còn ghi tên đơn vị hành chính cũ đã được ghi nhận; đơn vị đang phối hợp thay mới theo tên gọi sau sắp xếp.",
        ],
        ["an-ninh-trat-tu"] =
        [
            "Công an đã tăng cường tuần tra tại khu vực phản ánh vào ban đêm, giải tán nhóm thanh niên tụ tập và nhắc nhở các đối tượng.",
            "Lực lượng công an đã kiểm tra hành chính căn nhà được phản ánh và xử lý theo quy định. Thông tin người phản ánh được giữ bí mật.",
            "Đơn vị đã phối hợp với tổ bảo vệ an ninh, trật tự ở cơ sở bố trí trực vào các khung giờ được phản ánh; đến nay tình hình đã ổn định.",
            "Vụ việc đánh nhau đã được công an tiếp nhận, lập hồ sơ xử lý theo thẩm quyền.",
            "Đơn vị đã kiểm tra việc đăng ký cư trú tại nhà trọ và nhắc nhở chủ nhà trọ khai báo tạm trú cho người thuê đúng quy định.",
        ],
        ["dau-xe-sai-quy-dinh"] =
        [
            "Tổ công tác đã nhắc nhở các tài xế di chuyển xe tải đậu sai quy định và lập biên bản đối với các trường hợp tái phạm.",
            "Đơn vị đã giải tỏa chợ tự phát trên lòng đường, hướng dẫn tiểu thương vào buôn bán trong khu vực chợ theo quy định.",
            "Đơn vị đã phối hợp với nhà trường phân luồng, hướng dẫn phụ huynh đậu xe đúng nơi quy định vào giờ tan học.",
            "Phương tiện để lâu ngày không rõ chủ sở hữu đã được tạm giữ và thông báo tìm chủ theo quy định.",
            "Bãi giữ xe tự phát trên vỉa hè đã được giải tỏa; người trông giữ xe bị xử phạt do sử dụng vỉa hè trái phép.",
        ],
        ["an-toan-thuc-pham"] =
        [
            "Đoàn kiểm tra đã kiểm tra cơ sở, lấy mẫu thực phẩm gửi kiểm nghiệm và yêu cầu cơ sở khắc phục điều kiện vệ sinh. Cơ sở tạm ngưng hoạt động đến khi đủ điều kiện.",
            "Đơn vị đã thu giữ và tiêu hủy hàng hóa hết hạn sử dụng, lập biên bản vi phạm đối với chủ cơ sở.",
            "Trạm Y tế đã phối hợp điều tra vụ ngộ độc, lấy mẫu thức ăn lưu và hướng dẫn bếp ăn tập thể thực hiện đúng quy định về lưu mẫu.",
            "Đơn vị đã phối hợp với cơ quan thú y kiểm tra điểm giết mổ, yêu cầu chấm dứt giết mổ không qua kiểm soát và xử phạt theo quy định.",
            "Đơn vị đã nhắc nhở và hướng dẫn cơ sở thủ tục cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm; sẽ kiểm tra lại sau thời hạn khắc phục.",
        ],
        ["dich-benh"] =
        [
            "Trạm Y tế đã tổ chức phun hóa chất diệt muỗi quanh khu vực có ca bệnh và vận động người dân diệt lăng quăng, bọ gậy.",
            "Đơn vị đã tổ chức ra quân tổng vệ sinh, thu gom vật dụng chứa nước đọng tại khu vực phản ánh.",
            "Cơ quan thú y đã lấy mẫu xét nghiệm, tiêu độc khử trùng khu vực chăn nuôi và hướng dẫn người dân không vứt xác động vật ra môi trường.",
            "Trạm Y tế đã phối hợp với nhà trường theo dõi sức khỏe các cháu, hướng dẫn vệ sinh, khử khuẩn đồ chơi và lớp học.",
            "Đơn vị đã yêu cầu chủ vật nuôi xích, rọ mõm chó khi ra đường và tổ chức tiêm phòng dại cho chó trên địa bàn.",
        ],
        ["truong-hoc"] =
        [
            "Đơn vị đã phối hợp với nhà trường kiểm tra tường rào, căng dây cảnh báo khu vực nguy hiểm và lập kế hoạch sửa chữa.",
            "Nhà trường đã sửa chữa mái dột phòng học và bố trí nước sạch cho nhà vệ sinh học sinh.",
            "Đơn vị đã làm việc với nhà trường về các khoản thu đầu năm; các khoản thu ngoài quy định đã được yêu cầu hoàn trả cho phụ huynh.",
            "Đơn vị đã kiểm tra điểm giữ trẻ, hướng dẫn chủ cơ sở thực hiện thủ tục cấp phép và bảo đảm các điều kiện an toàn cho trẻ.",
            "Tổ công tác đã nhắc nhở chủ tiệm game không cho học sinh vào chơi trong giờ học, đồng thời thông báo với nhà trường để phối hợp quản lý.",
        ],
        ["dien-nguy-hiem"] =
        [
            "Ngành điện đã cử tổ kỹ thuật khắc phục sự cố, cấp điện trở lại cho khu vực.",
            "Đơn vị đã phối hợp với Điện lực nâng độ cao đường dây bị võng và thay thế đoạn dây hư hỏng.",
            "Tổ công tác đã yêu cầu các doanh nghiệp viễn thông thu hồi dây cáp rớt xuống đường và bó gọn cáp trên trụ.",
            "Trụ điện nghiêng đã được ngành điện gia cố lại; trong thời gian chờ sửa chữa, khu vực đã được rào chắn.",
            "Đơn vị đã phối hợp với công an tháo dỡ hệ thống điện bẫy chuột, nhắc nhở chủ hộ và tuyên truyền về sự nguy hiểm của việc dùng điện bẫy chuột.",
        ],
        ["cap-nuoc"] =
        [
            "Đơn vị cấp nước đã khắc phục sự cố vỡ ống, cấp nước trở lại cho khu vực.",
            "Đơn vị cấp nước đã súc xả đường ống, lấy mẫu kiểm tra chất lượng nước; kết quả đạt quy chuẩn nước sinh hoạt.",
            "Đơn vị đã yêu cầu đơn vị thi công sửa chữa đường ống bị vỡ và bồi hoàn thiệt hại theo quy định.",
            "Trạm cấp nước nông thôn đã được sửa chữa máy bơm và hoạt động trở lại. Đơn vị sẽ kiến nghị nâng cấp trạm trong kế hoạch năm tới.",
            "Việc kéo đường ống cấp nước vào ấp đã được đề xuất đưa vào kế hoạch đầu tư; đơn vị sẽ thông báo cho người dân khi có chủ trương.",
        ],
        ["khac"] =
        [
            "Đơn vị đã tiếp nhận, kiểm tra và xử lý nội dung phản ánh theo thẩm quyền. Cảm ơn người dân đã đóng góp ý kiến.",
            "Đơn vị đã yêu cầu chủ bến đò trang bị đủ áo phao và không chở quá số người quy định.",
            "Đơn vị đã sửa chữa nhà chờ xe buýt và thay mới ghế ngồi.",
            "Tổ công tác đã cắm biển cảnh báo sạt lở, vận động các hộ dân trong vùng nguy hiểm di dời tạm thời và báo cáo cấp trên hỗ trợ.",
            "Ý kiến của người dân đã được ghi nhận và tổng hợp để đưa vào kế hoạch chỉnh trang đô thị.",
        ],
    };

    /// <summary>Reasons for rejecting a report (từ chối).</summary>
    public static string[] RejectNotes { get; } =
    [
        "Nội dung phản ánh không rõ ràng, không xác định được vị trí cụ thể để kiểm tra.",
        "Phản ánh trùng với phản ánh đã được tiếp nhận và đang xử lý.",
        "Hình ảnh đính kèm không liên quan đến nội dung phản ánh.",
        "Nội dung mang tính chất quảng cáo, không phải phản ánh hiện trường.",
        "Nội dung thuộc tranh chấp dân sự giữa các cá nhân, đề nghị người dân liên hệ tổ hòa giải ở cơ sở hoặc Tòa án.",
        "Nội dung là khiếu nại, tố cáo; đề nghị người dân gửi đơn theo quy định của pháp luật về khiếu nại, tố cáo.",
        "Qua kiểm tra thực tế, không có sự việc như nội dung phản ánh.",
        "Phản ánh có lời lẽ xúc phạm, không đúng mục đích sử dụng ứng dụng.",
        "Thiếu thông tin, đã liên hệ người phản ánh nhưng không nhận được thông tin bổ sung.",
        "Vụ việc đã được giải quyết dứt điểm trước đó, người dân gửi lại nội dung cũ.",
    ];

    /// <summary>Reasons for returning a report to the coordinators as not ours (trả lại).</summary>
    public static string[] ReturnNotes { get; } =
    [
        "Nội dung liên quan đến đường dây điện trung thế, thuộc trách nhiệm ngành điện. Đề nghị ban điều phối chuyển đúng đơn vị.",
        "Vị trí phản ánh nằm ngoài địa bàn quản lý của đơn vị, thuộc xã lân cận.",
        "Tuyến quốc lộ do cơ quan quản lý đường bộ quản lý, không thuộc thẩm quyền của xã.",
        "Nội dung về chất lượng nước máy thuộc trách nhiệm của đơn vị cấp nước.",
        "Nội dung liên quan đến trường trung học phổ thông, thuộc thẩm quyền quản lý của Sở Giáo dục và Đào tạo.",
        "Sai lĩnh vực: nội dung về an toàn thực phẩm nhưng được gửi vào lĩnh vực trật tự đô thị.",
        "Tọa độ trên bản đồ cho thấy vị trí thuộc phường bạn, không thuộc địa bàn đơn vị.",
        "Kênh trục chính do đơn vị thủy lợi quản lý, đề nghị chuyển đơn vị chuyên ngành.",
        "Nội dung thuộc lĩnh vực an ninh trật tự, đề nghị chuyển công an xử lý.",
        "Bến xe do doanh nghiệp quản lý, đề nghị chuyển Sở Xây dựng xem xét.",
    ];

    /// <summary>Notes attached when transferring a report to another unit (chuyển xử lý).</summary>
    public static string[] TransferNotes { get; } =
    [
        "Chuyển Công an xã xử lý theo thẩm quyền về an ninh trật tự.",
        "Chuyển Điện lực khu vực khắc phục sự cố lưới điện.",
        "Chuyển Trạm Y tế phối hợp phòng, chống sốt xuất huyết tại khu vực.",
        "Chuyển Phòng Kinh tế, Hạ tầng và Đô thị kiểm tra việc cấp phép xây dựng.",
        "Chuyển đơn vị cấp nước khắc phục sự cố đường ống.",
        "Chuyển Sở Xây dựng xử lý do tuyến đường thuộc đường tỉnh.",
        "Chuyển Phòng Văn hóa - Xã hội kiểm tra nội dung liên quan cơ sở giáo dục.",
        "Chuyển Sở Nông nghiệp và Môi trường kiểm tra nguồn xả thải của cơ sở sản xuất.",
        "Chuyển UBND xã lân cận do vị trí nằm bên kia kênh, thuộc địa bàn xã bạn.",
        "Chuyển đơn vị dịch vụ công ích thu gom rác và cắt tỉa cây xanh.",
        "Chuyển cơ quan thú y kiểm tra dịch bệnh trên đàn heo.",
    ];

    /// <summary>Reasons given when asking for a deadline extension (xin gia hạn).</summary>
    public static string[] ExtensionReasons { get; } =
    [
        "Cần chờ kết quả kiểm nghiệm mẫu nước từ cơ quan chuyên môn.",
        "Phải phối hợp nhiều đơn vị, chưa sắp xếp được lịch kiểm tra liên ngành.",
        "Chủ công trình vắng mặt, đã mời làm việc lần 2.",
        "Cần kinh phí sửa chữa, đang trình lãnh đạo phê duyệt.",
        "Mưa kéo dài, chưa thể thi công vá mặt đường.",
        "Đang chờ ngành điện bố trí lịch cắt điện để thi công an toàn.",
        "Cần đo đạc lại ranh giới đất, đang chờ đơn vị đo đạc.",
        "Vụ việc phức tạp, cần xác minh thêm người làm chứng và thời điểm xảy ra.",
        "Đang chờ vật tư thay thế (bóng đèn, nắp hố ga) từ nhà cung cấp.",
        "Trùng đợt nghỉ lễ, lực lượng trực giảm, cần thêm thời gian.",
    ];

    /// <summary>Reasons for escalating a report to the parent level (chuyển cấp trên).</summary>
    public static string[] EscalationReasons { get; } =
    [
        "Vượt thẩm quyền xử lý của cấp xã, đề nghị cấp trên chỉ đạo.",
        "Liên quan nhiều xã, phường, cần cấp thành phố điều phối.",
        "Cơ sở vi phạm tái diễn nhiều lần, đề nghị thành lập đoàn kiểm tra liên ngành.",
        "Cần kinh phí lớn để khắc phục, vượt khả năng ngân sách địa phương.",
        "Liên quan doanh nghiệp do sở quản lý, đơn vị không đủ thẩm quyền xử phạt.",
        "Người dân phản ánh nhiều lần nhưng chưa giải quyết dứt điểm, đề nghị lãnh đạo cho ý kiến.",
        "Nguy cơ sạt lở ảnh hưởng an toàn tính mạng, cần hỗ trợ khẩn cấp.",
        "Có dấu hiệu ô nhiễm nghiêm trọng, cần cơ quan chuyên môn cấp thành phố quan trắc.",
        "Vụ việc có dấu hiệu tội phạm, đề nghị chuyển cơ quan có thẩm quyền.",
    ];

    /// <summary>Reasons for reopening a resolved report (mở lại).</summary>
    public static string[] ReopenReasons { get; } =
    [
        "Người dân phản hồi tình trạng vẫn tái diễn sau khi xử lý.",
        "Người phản ánh không hài lòng với kết quả, cho rằng chưa kiểm tra đúng vị trí.",
        "Lãnh đạo yêu cầu xem xét lại do nội dung trả lời chưa đầy đủ.",
        "Hình ảnh kết quả xử lý chưa thể hiện rõ việc khắc phục.",
        "Hộ kinh doanh đã lấn chiếm trở lại chỉ sau vài ngày.",
        "Ổ gà đã vá nhưng bị bong tróc lại sau trận mưa.",
        "Nội dung trả lời không đúng với nội dung phản ánh, cần xử lý lại.",
        "Đèn đường sáng được hai hôm rồi tắt lại.",
        "Người dân cung cấp thêm hình ảnh mới về vi phạm.",
    ];

    /// <summary>Family names for generated officer display names.</summary>
    public static string[] OfficerFamilyNames { get; } =
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Huỳnh",
        "Võ",
        "Phan",
        "Trương",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Ngô",
        "Dương",
        "Lý",
        "Châu",
        "Lâm",
        "Tô",
        "Hồ",
        "Thái",
        "Đoàn",
    ];

    /// <summary>Middle and given names for generated officer display names.</summary>
    public static string[] OfficerGivenNames { get; } =
    [
        "Văn Hùng",
        "Thị Lan",
        "Minh Tuấn",
        "Thanh Tâm",
        "Hoàng Phúc",
        "Ngọc Hân",
        "Quốc Bảo",
        "Thị Thu Hà",
        "Văn Tài",
        "Thị Bích Ngọc",
        "Minh Trí",
        "Thanh Phong",
        "Thị Kim Thoa",
        "Văn Lợi",
        "Hữu Nghĩa",
        "Thị Mỹ Duyên",
        "Trọng Nhân",
        "Ngọc Trâm",
        "Văn Khánh",
        "Thị Hồng Nhung",
        "Chí Thanh",
        "Phương Thảo",
        "Tấn Đạt",
        "Thị Diễm",
    ];
}
