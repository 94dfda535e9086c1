/** Model files for the run's model/ folder, without tfjs-node's file:// handler (absent on most backends). */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { SavedFile } from '../train/experiment';

function filesFromArtifacts(artifacts: tf.io.ModelArtifacts): SavedFile[] {
  const weights = artifacts.weightData
    ? new Uint8Array(
        tf.io.concatenateArrayBuffers(
          Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData],
        ),
      )
    : new Uint8Array();
  const modelJson = {
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    modelTopology: artifacts.modelTopology,
    trainingConfig: artifacts.trainingConfig,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
  };
  return [
    { name: 'model.json', data: JSON.stringify(modelJson) },
    { name: 'weights.bin', data: weights },
  ];
}

export async function saveLayersModel(model: LayersModel): Promise<SavedFile[]> {
  let files: SavedFile[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      files = filesFromArtifacts(artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files;
}

/** Plain named tensors (a SOM codebook) in the same model.json + weights.bin layout. */
export async function saveNamedTensors(named: Record<string, tf.Tensor>, topology: object): Promise<SavedFile[]> {
  const { data, specs } = await tf.io.encodeWeights(named);
  return filesFromArtifacts({ modelTopology: topology, weightSpecs: specs, weightData: data, format: 'somlab-som' });
}
