// Drives `tcvpc emulator --tls` with the official Node.js SDK's VPC client,
// changed only in its endpoint: the host:port of TCVPC_ENDPOINT. The CA
// comes from NODE_EXTRA_CA_CERTS, the credentials and region from the
// TENCENTCLOUD_* variables, all as the emulator's banner exports them.
//
//   node vpc.js SIGN_METHOD POST|GET
//
// Prints one JSON object: what each call answered ("calls") and the
// RequestId of every answer, the error's last ("requestIds").
"use strict";
const { vpc } = require("tencentcloud-sdk-nodejs/tencentcloud/services/vpc");

const [signMethod, reqMethod] = process.argv.slice(2);
const client = new vpc.v20170312.Client({
  credential: {
    secretId: process.env.TENCENTCLOUD_SECRET_ID,
    secretKey: process.env.TENCENTCLOUD_SECRET_KEY,
  },
  region: process.env.TENCENTCLOUD_REGION,
  profile: {
    signMethod,
    httpProfile: { endpoint: new URL(process.env.TCVPC_ENDPOINT).host, reqMethod },
  },
});

const calls = {};
const requestIds = [];
async function call(action, req) {
  const reply = await client[action](req);
  requestIds.push(reply.RequestId);
  return reply;
}

async function main() {
  const { Vpc } = await call("CreateVpc", { VpcName: "node-" + signMethod, CidrBlock: "10.20.0.0/16" });
  calls.CreateVpc = [Vpc.VpcId, Vpc.VpcName, Vpc.CidrBlock];
  const vpcs = await call("DescribeVpcs", { VpcIds: [Vpc.VpcId] });
  calls.DescribeVpcs = [vpcs.TotalCount, vpcs.VpcSet.map((v) => [v.VpcId, v.VpcName, v.CidrBlock])];

  const { Subnet } = await call("CreateSubnet", {
    VpcId: Vpc.VpcId, SubnetName: "web", CidrBlock: "10.20.1.0/24", Zone: "ap-guangzhou-3",
  });
  calls.CreateSubnet = [Subnet.SubnetId, Subnet.VpcId, Subnet.CidrBlock, Subnet.Zone, Subnet.AvailableIpAddressCount];
  const subnets = await call("DescribeSubnets", { Filters: [{ Name: "vpc-id", Values: [Vpc.VpcId] }] });
  calls.DescribeSubnets = [subnets.TotalCount, subnets.SubnetSet.map((s) => [s.SubnetId, s.SubnetName, s.CidrBlock])];

  calls.DeleteSubnet = Object.keys(await call("DeleteSubnet", { SubnetId: Subnet.SubnetId }));
  calls.DeleteVpc = Object.keys(await call("DeleteVpc", { VpcId: Vpc.VpcId }));
  calls.DescribeVpcsAfter = (await call("DescribeVpcs", { VpcIds: [Vpc.VpcId] })).TotalCount;

  try {
    await client.DeleteVpc({ VpcId: "vpc-12345678" });
    calls.DeleteUnknownVpc = "no error";
  } catch (e) {
    calls.DeleteUnknownVpc = [e.constructor.name, e.code, e.message];
    requestIds.push(e.requestId);
  }
}

main().then(
  () => console.log(JSON.stringify({ calls, requestIds })),
  (e) => {
    console.error(`${signMethod} ${reqMethod}: ${e.code || ""} ${e.message} (RequestId ${e.requestId || "none"})`);
    process.exit(1);
  },
);
