/**
 * Codes for ECR and STS, one per cause an admin can act on. Part of the same catalog
 * and stability promise as shared/errors.ts. AWS answers the same failure under different names
 * per protocol (ECR's JSON: UnrecognizedClientException, InvalidSignatureException,
 * ExpiredTokenException; STS's query: InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken):
 * each pair maps to one code here.
 */
export const awsErrors = {
  ECR_HOST_UNRECOGNIZED: {
    message: 'The endpoint is not an ECR registry host name this app recognises, so its account and region are unknown.',
    remedy: 'For a private (VPC) endpoint, set the AWS API region (and the API endpoint if AWS is reached through one).',
  },
  ECR_HTTPS_REQUIRED: {
    message: 'ECR serves registries over HTTPS only; an http:// endpoint would send the ECR authorization token unencrypted.',
    remedy: 'Use https:// in the endpoint (or leave the scheme out): <account>.dkr.ecr.<region>.amazonaws.com.',
  },
  AWS_REGION_REQUIRED: {
    message: 'The AWS region is unknown: the endpoint does not name one.',
    remedy: 'Set the AWS API region, e.g. us-east-1, or use the registry host <account>.dkr.ecr.<region>.amazonaws.com.',
  },
  AWS_API_ENDPOINT_INVALID: {
    message: 'The AWS API endpoint override is not an https:// URL.',
    remedy: 'Enter the VPC or private endpoint as https://host[:port], or leave it empty to use the public AWS endpoint.',
  },
  AWS_CREDENTIALS_REQUIRED: {
    message: 'The registry is protected, but no AWS access key was given.',
    remedy: 'Enter the Access Key and Secret access key Palette should use.',
  },
  AWS_KEY_UNKNOWN: {
    message: 'AWS does not recognise this access key ID.',
    remedy: 'Check the access key ID; it may have been deleted or deactivated in IAM, or belong to another partition (China, GovCloud).',
  },
  AWS_SIGNATURE_MISMATCH: {
    message: 'AWS rejected the request signature: the secret access key does not belong to this access key ID.',
    remedy: 'Re-enter the secret access key (it is shown only once, when the key is created); check this workstation’s clock too.',
  },
  AWS_TOKEN_EXPIRED: {
    message: 'The AWS session credentials have expired.',
    remedy: 'Get fresh session credentials (or use long-term keys); for STS, validate again to assume the role anew.',
  },
  AWS_ACCESS_DENIED: {
    message: 'AWS refused the call: this identity lacks the permission.',
    remedy:
      'Grant the IAM identity the ECR read actions Palette needs: ecr:GetAuthorizationToken, ecr:DescribeRepositories, ecr:ListImages, ecr:BatchGetImage, ecr:GetDownloadUrlForLayer.',
  },
  AWS_THROTTLED: {
    message: 'AWS is throttling requests from this identity right now.',
    remedy: 'Wait a minute and validate again; if it persists, look for other tools calling ECR or STS with the same credentials.',
  },
  AWS_PROFILE_UNAVAILABLE: {
    message: 'The AWS profile gave no credentials on this workstation.',
    remedy:
      'Check the profile name in ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), or give access keys instead.',
  },
  AWS_API_UNREACHABLE: {
    message: 'The AWS API could not be reached from this workstation.',
    remedy:
      'Check the route and proxy to the AWS API, or set the API endpoint (VPC endpoint); a TLS-intercepting proxy needs its CA uploaded.',
  },
  AWS_API_ERROR: {
    message: 'The AWS API answered with an error this app does not know.',
    remedy: 'Read the AWS error named below; validate again once it is resolved.',
  },
  ECR_REPOSITORY_NOT_FOUND: {
    message: 'ECR has no repository by this name in the registry.',
    remedy: 'Create the repositories <base>/spectro-packs/archive/<pack> in the registry named by the endpoint, and push the packs there.',
  },
  ECR_TOKEN_REJECTED: {
    message: 'The registry refused the ECR authorization token.',
    remedy: 'The token is for another registry region or partition than the endpoint: check the endpoint and the API region.',
  },
  STS_ROLE_ARN_INVALID: {
    message: 'The role ARN is not an IAM role ARN.',
    remedy: 'Enter it as arn:aws:iam::<12-digit account>:role/<name>, as IAM shows it on the role page.',
  },
  STS_PARTITION_MISMATCH: {
    message: 'The role ARN is in another AWS partition than the registry endpoint.',
    remedy:
      'Use a role in the same partition as the registry (arn:aws for commercial regions, arn:aws-cn for China, arn:aws-us-gov for GovCloud).',
  },
  STS_EXTERNAL_ID_INVALID: {
    message: 'The external ID is not one STS accepts.',
    remedy: 'Paste the external ID exactly as Palette shows it: 2 to 1224 of letters, digits and +=,.@:/-',
  },
  STS_UNVERIFIED: {
    message: 'Only Palette can make the final check of this role: no identity was given to try it from this workstation.',
    remedy:
      'The ARN and external ID are well-formed. Palette checks the trust policy when you validate there; to test from here, give a source identity (access keys or an AWS profile) the role also trusts.',
  },
  STS_ASSUME_ROLE_DENIED: {
    message: 'STS refused to let your identity assume the role. That is expected when the trust policy admits only Palette’s account.',
    remedy:
      'Palette makes the final check. If the role is meant to trust your identity too, check the trust policy’s principal and the external ID condition (sts:ExternalId).',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;
