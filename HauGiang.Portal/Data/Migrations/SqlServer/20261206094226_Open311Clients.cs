using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Open311Clients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_State_DueAt_Id",
                table: "Reports");

            migrationBuilder.AddColumn<bool>(
                name: "IsTest",
                table: "Reports",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsTest",
                table: "ApiClients",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MediaHosts",
                table: "ApiClients",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State_IsTest",
                table: "Reports",
                columns: new[] { "AreaId", "DueAt", "Id", "State", "IsTest" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State_IsTest",
                table: "Reports",
                columns: new[] { "CategoryId", "DueAt", "Id", "State", "IsTest" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DueAt_Id_IsTest",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "IsTest" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "State", "ReceivedAt", "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "FirstActionAt", "ResolvedAt", "ClosedAt", "Rating", "RatedAt", "IsTest" },
                filter: "\"State\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_State_DueAt_Id_IsTest",
                table: "Reports",
                columns: new[] { "State", "DueAt", "Id", "IsTest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State_IsTest",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State_IsTest",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DueAt_Id_IsTest",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_State_DueAt_Id_IsTest",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "IsTest",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "IsTest",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "MediaHosts",
                table: "ApiClients");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "AreaId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "CategoryId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports",
                columns: new[] { "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpenFacts",
                table: "Reports",
                columns: new[] { "DueAt", "Id", "State", "ReceivedAt", "CategoryId", "AreaId", "UnitId", "AssignedOfficerId", "FirstActionAt", "ResolvedAt", "ClosedAt", "Rating", "RatedAt" },
                filter: "\"State\" IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_State_DueAt_Id",
                table: "Reports",
                columns: new[] { "State", "DueAt", "Id" });
        }
    }
}
