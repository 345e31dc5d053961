using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchAndQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id",
                table: "Reports");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Reports",
                type: "nvarchar(max)",
                maxLength: 4600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "AreaId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_ReceivedAt",
                table: "Reports",
                columns: new[] { "AreaId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "CategoryId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_ReceivedAt",
                table: "Reports",
                columns: new[] { "CategoryId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports",
                columns: new[] { "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_DueAt_Id",
                table: "Reports",
                columns: new[] { "UnitId", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id_CategoryId_AreaId",
                table: "Reports",
                columns: new[] { "UnitId", "State", "DueAt", "Id", "CategoryId", "AreaId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_ReceivedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_ReceivedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_DueAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id_CategoryId_AreaId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId",
                table: "Reports",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId",
                table: "Reports",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id",
                table: "Reports",
                columns: new[] { "UnitId", "State", "DueAt", "Id" });
        }
    }
}
